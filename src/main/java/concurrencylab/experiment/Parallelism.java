package concurrencylab.experiment;

import concurrencylab.experiment.Verdict.Outcome;
import java.util.Locale;

/**
 * Judges a cpu-bound phase that ran on several threads or processes at once: did it go about min(workers, cores)
 * times as fast as one core, with that many cores busy? The thresholds every parallel-compute verdict shares (C2,
 * C5, and the in-run controls of C7 and C9), so a busy machine reads the same everywhere.
 *
 * <ul>
 *   <li>A speedup above the cores that were busy is impossible (physics): the one-core baseline overstated the
 *       work, and nothing is confirmed from it.</li>
 *   <li>Confirmed when the speedup and the busy cores both reach {@link #SCALING_MARGIN} of the expected.</li>
 *   <li>Otherwise the machine's own counters decide: other processes keeping {@link #BUSY_OTHERS} cores or more
 *       busy meanwhile make it "machine busy" (the cores were not free to show it), and so does the lab's own JIT
 *       compiler and garbage collector keeping as many busy (named as such); else "not shown".</li>
 * </ul>
 */
public final class Parallelism {

    /** A speedup (or busy cores) counts as "about N" from this fraction of N up: machines are shared and noisy. */
    public static final double SCALING_MARGIN = 0.7;
    /** Other processes keeping at least this many cores busy during a phase make the machine busy. */
    public static final double BUSY_OTHERS = 0.25;
    /** A speedup above this factor of the busy cores (plus 0.1) cannot be: the baseline is off. */
    static final double PHYSICS_SLACK = 1.2;

    private Parallelism() {
    }

    /** An outcome and the sentence that explains it, numbers included. */
    public record Judgement(Outcome outcome, String reason) {

        public boolean shown() {
            return outcome == Outcome.CONFIRMED;
        }
    }

    /**
     * @param speedup  the phase's speed against one core doing the same work (1.0: no faster)
     * @param phase    the phase: the cores the lab kept busy, and the machine's load
     * @param expected min(workers, cores, tasks): the speedup that perfect scaling gives; at least 2
     */
    public static Judgement judge(double speedup, Measured phase, int expected) {
        double busy = phase.cpuUtilisation();
        String got = String.format(Locale.ROOT, "speedup %.2f with %.2f cores busy, expected about %d (counted as "
                + "shown from %.1f)", speedup, busy, expected, SCALING_MARGIN * expected);
        if (speedup > PHYSICS_SLACK * busy + 0.1) {
            return new Judgement(Outcome.NOT_SHOWN, String.format(Locale.ROOT, "a speedup of %.2f with only %.2f "
                    + "cores busy is impossible: the one-core baseline overstates the work, so it proves nothing",
                    speedup, busy));
        }
        if (speedup >= SCALING_MARGIN * expected && busy >= SCALING_MARGIN * expected) {
            return new Judgement(Outcome.CONFIRMED, got);
        }
        return missed(got, phase);
    }

    /**
     * Why a phase that needed free cores missed its target: the machine was busy if other processes kept
     * {@link #BUSY_OTHERS} cores or more busy meanwhile (or if this OS cannot tell), else the numbers just did not
     * show it. {@code got} says what was measured.
     */
    public static Judgement missed(String got, Measured phase) {
        double others = phase.othersBusyCores();
        if (Double.isNaN(others)) {
            return new Judgement(Outcome.MACHINE_BUSY, "not confirmed, probably because other programs took the "
                    + "cores (this OS does not tell how busy the machine was): " + got);
        }
        if (others >= BUSY_OTHERS) {
            return new Judgement(Outcome.MACHINE_BUSY, String.format(Locale.ROOT, "not confirmed: the machine was "
                    + "busy, other processes kept %.2f cores busy meanwhile: %s", others, got));
        }
        if (phase.backgroundCores() >= BUSY_OTHERS) {
            return new Judgement(Outcome.MACHINE_BUSY, String.format(Locale.ROOT, "not confirmed: the lab's own "
                    + "background work took the cores, its JIT compiler %.2f and its garbage collector %.2f cores "
                    + "meanwhile (code still being compiled, as in a first run after a start): %s",
                    (double) phase.background().compilerNanos() / phase.wallNanos(),
                    (double) phase.background().gcNanos() / phase.wallNanos(), got));
        }
        return new Judgement(Outcome.NOT_SHOWN, got + String.format(Locale.ROOT, "; other processes kept only %.2f "
                + "cores busy and the lab's compiler and collector %.2f, so the cores were free", others,
                phase.backgroundCores()));
    }
}
