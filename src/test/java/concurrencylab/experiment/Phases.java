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

    public static Baseline measured(double seconds) {
        return Baseline.measured(Math.round(seconds * 1e9));
    }
}
