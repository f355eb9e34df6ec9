package concurrencylab.bench;

import concurrencylab.gil.GilObserver;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.SwitchReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one forced switch of the simulated GIL costs, next to a plain {@link ReentrantLock} hand-over, measured the
 * same way: from the moment the holder releases to the moment the other thread runs holding the lock. The
 * switch interval is policy (how long a waiter waits before asking); this measures the mechanism.
 *
 * <pre>
 *   ./mvnw -q test-compile
 *   java -cp target/classes:target/test-classes concurrencylab.bench.GilSwitchBenchmark [seconds]
 * </pre>
 *
 * Two threads compute in 50 us ticks under the GIL (1 ms switch interval) for the given time (default 3 s, after
 * a 1 s warm-up); then two threads pass a ReentrantLock back and forth, each waiting until the other is parked on
 * the lock before releasing it, for the same time. Prints percentiles of both in microseconds.
 */
public final class GilSwitchBenchmark {

    private static final long TICK_NANOS = 50_000;

    private GilSwitchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 3);
        Duration warmUp = Duration.ofSeconds(1);
        gilSwitches(warmUp);
        reentrantHandoffs(warmUp);
        Samples gil = gilSwitches(run);
        Samples plain = reentrantHandoffs(run);
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", JVM: "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        System.out.println(gil.describe("forced GIL switch (1 ms interval)"));
        System.out.println(plain.describe("ReentrantLock hand-over        "));
        System.out.printf(Locale.ROOT, "a forced switch costs %.1fx a plain hand-over at the median%n",
                gil.percentile(50) / plain.percentile(50));
    }

    /** Release-to-running times of forced switches between two threads computing under one GIL. */
    private static Samples gilSwitches(Duration run) throws InterruptedException {
        Samples samples = new Samples();
        var gil = new GlobalInterpreterLock(Duration.ofMillis(1), new GilObserver() {
            @Override
            public void switched(SwitchReason reason, long handoffNanos) {
                if (reason == SwitchReason.FORCED) {
                    samples.add(handoffNanos);
                }
            }
        });
        AtomicBoolean stop = new AtomicBoolean();
        Runnable compute = () -> {
            try {
                gil.acquire();
                try {
                    while (!stop.get()) {
                        gil.tick();
                        spin(TICK_NANOS);
                    }
                } finally {
                    gil.leave();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        runTwo(compute, run, stop);
        return samples;
    }

    /** Release-to-running times of a ReentrantLock passed back and forth between two threads. */
    private static Samples reentrantHandoffs(Duration run) throws InterruptedException {
        Samples samples = new Samples();
        ReentrantLock lock = new ReentrantLock();
        AtomicBoolean stop = new AtomicBoolean();
        long[] releasedAt = new long[1];
        // Volatile, so the releasing thread can watch for the hand-over without touching the lock.
        AtomicReference<Thread> lastHolder = new AtomicReference<>();
        Runnable passBackAndForth = () -> {
            Thread me = Thread.currentThread();
            while (!stop.get()) {
                lock.lock();
                try {
                    if (lastHolder.get() != null && lastHolder.get() != me) {
                        samples.add(System.nanoTime() - releasedAt[0]);
                    }
                    lastHolder.set(me);
                    spin(TICK_NANOS);
                    while (!lock.hasQueuedThreads() && !stop.get()) {
                        Thread.onSpinWait(); // the other thread is on its way to park on the lock
                    }
                    releasedAt[0] = System.nanoTime();
                } finally {
                    lock.unlock();
                }
                // Like forced switching: do not take it straight back, wait until the other thread has it.
                long giveUpAt = System.nanoTime() + 100_000_000;
                while (!stop.get() && lastHolder.get() == me && System.nanoTime() < giveUpAt) {
                    Thread.onSpinWait();
                }
            }
        };
        runTwo(passBackAndForth, run, stop);
        return samples;
    }

    private static void runTwo(Runnable body, Duration run, AtomicBoolean stop) throws InterruptedException {
        Thread a = Thread.ofPlatform().name("bench-a").start(body);
        Thread b = Thread.ofPlatform().name("bench-b").start(body);
        Thread.sleep(run);
        stop.set(true);
        a.join();
        b.join();
    }

    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    /** Durations in nanoseconds, added from any thread. */
    private static final class Samples {

        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized double percentile(double p) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted.length == 0 ? Double.NaN : sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e3;
        }

        synchronized String describe(String what) {
            double mean = Arrays.stream(values, 0, size).average().orElse(Double.NaN) / 1e3;
            return String.format(Locale.ROOT, "%s: %,8d hand-overs, p50 %6.1f us, mean %6.1f us, p99 %7.1f us",
                    what, size, percentile(50), mean, percentile(99));
        }
    }
}
