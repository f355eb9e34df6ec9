package concurrencylab.process;

import concurrencylab.timeline.Counter;
import concurrencylab.timeline.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Samples, from the OS, how much of a core each worker process gets over time, and draws it on the run's timeline
 * as one counter per worker: with {@code cpus: 1} two computing workers each get about half of the one core.
 *
 * <p>Linux only: every ~10 ms it reads utime + stime from {@code /proc/<pid>/stat} (in clock ticks of 10 ms, the
 * USER_HZ of every mainstream kernel) and plots the share over the last ~50 ms, so one tick more or less moves a
 * sample by 0.2, not by a whole core. Elsewhere it samples nothing.
 *
 * <p>States: sampling (from {@link #start}) -> stopped ({@link #close}, which joins the thread). The sampling thread
 * is the only writer of the counters and of its own arrays.
 */
public final class ProcessCpuSampler implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(10);
    private static final int WINDOW = 5;
    private static final double SECONDS_PER_TICK = 0.01;

    private final List<WorkerGroup.Worker> workers;
    private final Counter[] counters;
    private final Thread thread;
    private volatile boolean running = true;

    private ProcessCpuSampler(List<WorkerGroup.Worker> workers, Timeline timeline, ThreadFactory factory) {
        this.workers = workers;
        this.counters = workers.stream()
                .map(w -> timeline.counter("workers", "worker " + w.index() + " cpu (cores)")).toArray(Counter[]::new);
        this.thread = factory.newThread(this::loop);
    }

    /** Starts sampling {@code workers} onto {@code timeline}; does nothing useful where there is no /proc. */
    public static ProcessCpuSampler start(List<WorkerGroup.Worker> workers, Timeline timeline, ThreadFactory factory) {
        var sampler = new ProcessCpuSampler(workers, timeline, factory);
        if (timeline.isRecording() && Files.isDirectory(Path.of("/proc/self"))) {
            sampler.thread.start();
        }
        return sampler;
    }

    private void loop() {
        int n = workers.size();
        long[][] ticks = new long[n][WINDOW];
        long[] times = new long[WINDOW];
        int taken = 0;
        while (running) {
            int slot = taken % WINDOW;
            times[slot] = System.nanoTime();
            for (int w = 0; w < n; w++) {
                ticks[w][slot] = cpuTicks(workers.get(w).pid());
            }
            if (taken > 0) {
                int oldest = taken < WINDOW ? 0 : (taken + 1) % WINDOW;
                double seconds = (times[slot] - times[oldest]) / 1e9;
                for (int w = 0; w < n; w++) {
                    if (ticks[w][slot] >= 0 && ticks[w][oldest] >= 0 && seconds > 0) {
                        counters[w].sample(times[slot], (ticks[w][slot] - ticks[w][oldest]) * SECONDS_PER_TICK / seconds);
                    }
                }
            }
            taken++;
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** utime + stime of {@code pid} in clock ticks, or -1 when it cannot be read (the process is gone). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(); // returns at once if it never started
    }
}
