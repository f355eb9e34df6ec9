package concurrencylab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time of the JVM's own background threads, the JIT compilers ({@code C1/C2 CompilerThread}) and the garbage
 * collector's ({@code GC Thread#}, {@code G1 ...}), read per thread from {@code /proc/self/task/N/stat} (clock ticks,
 * 10 ms each). Next to the lab's CPU time it tells whether a phase shared the cores with the lab's own compiler: what a
 * first run after a start does when the JIT is still compiling. Zero where /proc cannot be read.
 *
 * @param compilerNanos the JIT compiler threads' CPU time so far
 * @param gcNanos       the garbage collector threads' CPU time so far
 */
public record JvmBackground(long compilerNanos, long gcNanos) {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux reports thread times in USER_HZ ticks, 100 per second on every common build. */
    private static final long NANOS_PER_TICK = 10_000_000;

    public static final JvmBackground NONE = new JvmBackground(0, 0);

    /** The background threads' CPU time now. */
    public static JvmBackground now() {
        long compiler = 0;
        long gc = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) {
                    continue;
                }
                String name = stat.substring(open + 1, close);
                boolean isCompiler = name.contains("CompilerThre");
                boolean isGc = name.startsWith("GC Thread") || name.startsWith("G1 ");
                if (!isCompiler && !isGc) {
                    continue;
                }
                // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (isCompiler) {
                    compiler += ticks;
                } else {
                    gc += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        return new JvmBackground(compiler * NANOS_PER_TICK, gc * NANOS_PER_TICK);
    }

    /** What the background threads used between {@code earlier} and this. */
    public JvmBackground since(JvmBackground earlier) {
        return new JvmBackground(Math.max(0, compilerNanos - earlier.compilerNanos),
                Math.max(0, gcNanos - earlier.gcNanos));
    }

    public long totalNanos() {
        return compilerNanos + gcNanos;
    }
}
