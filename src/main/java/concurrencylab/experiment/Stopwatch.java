package concurrencylab.experiment;

import java.lang.management.ManagementFactory;

/**
 * Measures the wall time and the process's CPU time of a phase. CPU time is the whole JVM's, so it also
 * counts the JIT and GC; on an otherwise idle lab that is small next to the work being measured.
 */
public final class Stopwatch {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long wallStart = System.nanoTime();
    private final long cpuStart = processCpuNanos();

    public static Stopwatch start() {
        return new Stopwatch();
    }

    public Measured stop() {
        return new Measured(System.nanoTime() - wallStart, Math.max(0, processCpuNanos() - cpuStart));
    }

    public static long processCpuNanos() {
        return Math.max(0, OS.getProcessCpuTime());
    }
}
