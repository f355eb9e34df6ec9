package concurrencylab.eventloop.experiment;

import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Verdict;
import java.util.Locale;

/** The verdicts of the event-loop experiment, with the thresholds that decide them. */
final class LoopVerdicts {

    /** Wall time counts as "about the ideal" up to this many times it. */
    static final double IDEAL_FACTOR = 4.0;

    private LoopVerdicts() {
    }

    /** C11: one loop thread serves every client at once: wall ~ requests x delay, not clients x requests x delay. */
    static Verdict oneThreadServesAll(Measured measured, EventLoopDetails d) {
        double wall = measured.wallSeconds();
        double sequential = (double) d.clients() * d.requestsPerClient() * d.serverDelayMs() / 1000;
        boolean confirmed = d.loopThreads() == 1 && d.idealSeconds() > 0 && wall <= IDEAL_FACTOR * d.idealSeconds()
                && d.clients() >= 2;
        return Verdict.of(Claim.C11, confirmed, String.format(Locale.ROOT,
                "%d clients x %d requests with a %d ms server delay ran on %d thread in %.3f s: ideal (all at once) "
                        + "%.3f s, one client after another %.1f s; counted as shown up to %.0fx the ideal%s. The loop "
                        + "made %d passes and %d selects; due timers ran at most %.1f ms late",
                d.clients(), d.requestsPerClient(), d.serverDelayMs(), d.loopThreads(), wall, d.idealSeconds(),
                sequential, IDEAL_FACTOR, d.idealSeconds() > 0 ? "" : " (with no delay there is nothing to overlap)",
                d.iterations(), d.selects(), d.maxLagMs()));
    }

    /** C6: coroutines that wait let the others run: N waits overlap. */
    static Verdict waitsOverlap(Measured measured, EventLoopDetails d) {
        double wall = measured.wallSeconds();
        double waits = (double) d.clients() * d.requestsPerClient() * d.serverDelayMs() / 1000;
        double atOnce = waits / wall;
        boolean confirmed = d.clients() >= 2 && d.idealSeconds() > 0 && wall <= IDEAL_FACTOR * d.idealSeconds();
        return Verdict.of(Claim.C6, confirmed, String.format(Locale.ROOT,
                "%,d waits of %d ms (%.1f s of waiting in all) took %.3f s on one thread: %.0f waits in progress at "
                        + "once on average, out of %d coroutines",
                d.clients() * (long) d.requestsPerClient(), d.serverDelayMs(), waits, wall, atOnce, d.clients()));
    }

    /** C13: a coroutine that computes without suspending holds up every other; offloading it frees the loop. */
    static Verdict blockingStallsOthers(EventLoopDetails d) {
        double slowedThreshold = d.serverDelayMs() + d.blockMillis() / 2.0;
        if (!d.offload()) {
            boolean confirmed = d.slowCallbacks() >= 1 && d.requestLatency().maxMs() >= d.serverDelayMs()
                    + 0.7 * d.blockMillis();
            return Verdict.of(Claim.C13, confirmed, String.format(Locale.ROOT,
                    "one coroutine computed %d ms without suspending: the slowest request took %.1f ms against a %d ms "
                            + "server delay, %d requests took more than %.0f ms, and %d callback(s) held the loop "
                            + "longer than 100 ms. Run it with offload=true to see the loop stay free",
                    d.blockMillis(), d.requestLatency().maxMs(), d.serverDelayMs(), d.slowedRequests(),
                    slowedThreshold, d.slowCallbacks()));
        }
        boolean confirmed = d.slowCallbacks() == 0 && d.requestLatency().maxMs() < slowedThreshold;
        return Verdict.of(Claim.C13, confirmed, String.format(Locale.ROOT,
                "with offload=true the %d ms computation ran on a pool thread through runInExecutor: the slowest "
                        + "request took %.1f ms against a %d ms server delay (counted as recovered below %.0f ms) and "
                        + "%d callbacks held the loop too long. Offloading keeps the loop free",
                d.blockMillis(), d.requestLatency().maxMs(), d.serverDelayMs(), slowedThreshold, d.slowCallbacks()));
    }
}
