package concurrencylab.experiment;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Measures the wall time and the process's CPU time of a phase, and how busy the machine was meanwhile. CPU time
 * is the whole JVM's, so it also counts the JIT and GC; how much of it they took is measured too
 * ({@link JvmBackground}), so that a phase that shared the cores with the lab's own compiler can say so.
 */
public final class Stopwatch {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Optional<MachineCpu.Sample> machineStart = MachineCpu.sample();
    private final long wallStart = System.nanoTime();
    private final JvmBackground backgroundStart = JvmBackground.now();
    private final long cpuStart = processCpuNanos();

    public static Stopwatch start() {
        return new Stopwatch();
    }

    public Measured stop() {
        long wall = System.nanoTime() - wallStart;
        long cpu = Math.max(0, processCpuNanos() - cpuStart);
        double machine = MachineCpu.busyCores(machineStart, MachineCpu.sample(), MachineCpu.countedCpus());
        return new Measured(wall, cpu, machine, JvmBackground.now().since(backgroundStart));
    }

    public static long processCpuNanos() {
        return Math.max(0, OS.getProcessCpuTime());
    }
}
