package concurrencylab.experiment;

/** Made-up measured phases for the verdicts' unit tests. */
public final class Phases {

    private Phases() {
    }

    /**
     * A phase of {@code wallSeconds} in which the lab kept {@code labCores} busy and other processes {@code others}
     * (NaN: the OS does not tell).
     */
    public static Measured phase(double wallSeconds, double labCores, double others) {
        long wall = Math.round(wallSeconds * 1e9);
        return new Measured(wall, Math.round(labCores * wall), Double.isNaN(others) ? Double.NaN : labCores + others);
    }

    /**
     * As {@link #phase}, with the lab's own JIT compiler keeping {@code compilerCores} and its collector
     * {@code gcCores} of the lab's cores busy.
     */
    public static Measured phaseWithBackground(double wallSeconds, double labCores, double others,
            double compilerCores, double gcCores) {
        Measured phase = phase(wallSeconds, labCores, others);
        return new Measured(phase.wallNanos(), phase.cpuNanos(), phase.machineBusyCores(), new JvmBackground(
                Math.round(compilerCores * phase.wallNanos()), Math.round(gcCores * phase.wallNanos())));
    }

    public static Baseline measured(double seconds) {
        return Baseline.measured(Math.round(seconds * 1e9));
    }
}
