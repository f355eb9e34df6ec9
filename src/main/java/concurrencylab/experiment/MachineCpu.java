package concurrencylab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How busy the CPUs this process may use were, counting every process on the machine: Linux's per-CPU time
 * counters in {@code /proc/stat}, read at the start and the end of a phase. Next to the lab's own CPU time it
 * tells whether other programs (a build, a browser) took cores during a run: the in-run measure of "was the
 * machine free". Absent (NaN) where the OS has no {@code /proc/stat}.
 */
public final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");
    /** The CPUs to count: the service's, as it started (null: every CPU /proc/stat lists). */
    private static final List<Integer> CPUS = ThreadAffinity.serviceCpus().isEmpty() ? null
            : ThreadAffinity.serviceCpus();

    /** Busy and total time of the counted CPUs, in the kernel's clock ticks, at one moment. */
    public record Sample(long busy, long total) {
    }

    private MachineCpu() {
    }

    /** The counters now, or empty where they cannot be read. */
    public static Optional<Sample> sample() {
        try {
            long busy = 0;
            long total = 0;
            for (String line : Files.readAllLines(STAT)) {
                if (!line.startsWith("cpu")) {
                    break; // the cpu lines come first
                }
                if (line.startsWith("cpu ")) {
                    continue; // the sum over every CPU: the lines per CPU follow
                }
                String[] f = line.split("\\s+");
                int cpu = Integer.parseInt(f[0].substring(3));
                if (CPUS != null && !CPUS.contains(cpu)) {
                    continue;
                }
                // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                long work = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                        + Long.parseLong(f[6]) + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
                busy += work;
                total += work + idle;
            }
            return total == 0 ? Optional.empty() : Optional.of(new Sample(busy, total));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Cores busy on average between two samples (0 .. the counted CPUs), or NaN when either is missing. */
    public static double busyCores(Optional<Sample> from, Optional<Sample> to, int cpus) {
        if (from.isEmpty() || to.isEmpty()) {
            return Double.NaN;
        }
        long total = to.get().total() - from.get().total();
        if (total <= 0) {
            return Double.NaN; // shorter than one clock tick: nothing to say
        }
        return (double) (to.get().busy() - from.get().busy()) / total * cpus;
    }

    /** How many CPUs the samples count. */
    public static int countedCpus() {
        return CPUS != null ? CPUS.size() : Runtime.getRuntime().availableProcessors();
    }
}
