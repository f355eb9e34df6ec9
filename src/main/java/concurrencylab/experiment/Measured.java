package concurrencylab.experiment;

/**
 * Wall and CPU time of one measured phase, in nanoseconds, and how busy the machine's cores were meanwhile.
 *
 * @param wallNanos        wall-clock time of the phase
 * @param cpuNanos         CPU time the lab used in it: this JVM, plus its worker processes where it adds theirs
 * @param machineBusyCores cores busy on average over the phase counting every process on the machine (on the CPUs
 *                         this JVM may use); NaN where the OS does not tell
 * @param background       of {@code cpuNanos}, what the JVM's own JIT compiler and garbage collector threads used
 */
public record Measured(long wallNanos, long cpuNanos, double machineBusyCores, JvmBackground background) {

    /** A phase whose background share is not known (none counted). */
    public Measured(long wallNanos, long cpuNanos, double machineBusyCores) {
        this(wallNanos, cpuNanos, machineBusyCores, JvmBackground.NONE);
    }

    /** Cores the JVM's own compiler and collector kept busy on average: the lab's background work. */
    public double backgroundCores() {
        return wallNanos == 0 ? 0 : (double) background.totalNanos() / wallNanos;
    }

    /** Cores the lab kept busy on average. */
    public double cpuUtilisation() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    /**
     * Cores that other processes kept busy on average during the phase: the machine's busy cores minus the lab's
     * own. NaN where the machine's load cannot be read.
     */
    public double othersBusyCores() {
        return Double.isNaN(machineBusyCores) ? Double.NaN : Math.max(0, machineBusyCores - cpuUtilisation());
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** The same phase with {@code nanos} more CPU time of the lab's (its worker processes' own accounts). */
    public Measured plusCpu(long nanos) {
        return new Measured(wallNanos, cpuNanos + nanos, machineBusyCores, background);
    }
}
