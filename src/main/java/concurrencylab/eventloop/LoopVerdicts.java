package concurrencylab.eventloop;

import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Overlap;
import concurrencylab.experiment.Parallelism;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import concurrencylab.gil.GlobalInterpreterLock;
import java.util.Locale;

/** The verdicts of the event-loop experiment, with the thresholds that decide them. */
final class LoopVerdicts {

    /**
     * The others count as stalled when their p99 wait beyond the server reaches this fraction of the block. Not all
     * of it: the block starts half a server delay after the requests, so they wait out the block less that half.
     */
    static final double STALL_FRACTION = 0.5;

    private LoopVerdicts() {
    }

    /**
     * C11: one loop thread serves every client at once: it kept many requests parked at once, and the wall time is
     * about requests x delay, clearly under one client after another ({@link Overlap}).
     */
    static Verdict oneThreadServesAll(Measured measured, EventLoopDetails d) {
        if (!d.mode().equals("echo")) {
            return Verdict.cannotShow(Claim.C11, d.mode().equals("sleep")
                    ? "mode sleep opens no socket: run mode echo to see the loop serve sockets"
                    : "in mode blocking one coroutine holds the loop up on purpose: run mode echo to see it serve all");
        }
        String timing = timing(measured, d, "socket clients");
        if (d.clients() < 2 || d.serverDelayMs() == 0) {
            return Verdict.cannotShow(Claim.C11, timing + (d.clients() < 2 ? ". One client is served alone anyway: "
                    + "use 2 or more" : ". With no server delay there is no wait to overlap: give serverDelayMs"));
        }
        String evidence = String.format(Locale.ROOT, "%s; at the peak %d requests were parked at once on %d thread(s) "
                        + "while the selector watched their sockets. The loop made %d passes and %d selects; due timers "
                        + "ran at most %.1f ms late", timing, d.peakInFlight(), d.loopThreads(), d.iterations(),
                d.selects(), d.maxLagMs());
        if (d.loopThreads() != 1 || d.peakInFlight() < 2) {
            return Verdict.of(Claim.C11, Outcome.NOT_SHOWN, evidence);
        }
        return overlapped(Claim.C11, measured, d, evidence);
    }

    /** C6: coroutines that wait let the others run: their waits overlap ({@link Overlap}). */
    static Verdict waitsOverlap(Measured measured, EventLoopDetails d) {
        if (d.mode().equals("blocking")) {
            return Verdict.cannotShow(Claim.C6, "in mode blocking one coroutine holds the loop up on purpose: run mode "
                    + "echo or sleep to see the waits overlap");
        }
        String timing = timing(measured, d, "coroutines");
        if (d.clients() < 2 || d.serverDelayMs() == 0) {
            return Verdict.cannotShow(Claim.C6, timing + (d.clients() < 2 ? ". One coroutine has nobody to let run: "
                    + "use 2 or more" : ". With no delay nothing waits: give serverDelayMs"));
        }
        return overlapped(Claim.C6, measured, d, String.format(Locale.ROOT, "%s: %.0f waits in progress at once on "
                + "average, at the peak %d, each coroutine suspended at its wait", timing,
                Overlap.atOnce(measured.wallSeconds(), sequential(d)), d.peakInFlight()));
    }

    /**
     * Confirmed when the waits overlapped ({@link Overlap}). A run that did overlap, only slower than 3x the ideal,
     * ran short of CPU for the loop's own work (thousands of coroutines cost CPU): on a busy machine that is the
     * machine's doing ({@link Parallelism#missed}); one no faster than one after another is never excused.
     */
    private static Verdict overlapped(Claim claim, Measured measured, EventLoopDetails d, String evidence) {
        double wall = measured.wallSeconds();
        if (Overlap.shown(wall, d.idealSeconds(), sequential(d))) {
            return Verdict.of(claim, Outcome.CONFIRMED, evidence);
        }
        if (wall > Overlap.SEQUENTIAL_FRACTION * sequential(d)) {
            return Verdict.of(claim, Outcome.NOT_SHOWN, evidence);
        }
        Parallelism.Judgement slow = Parallelism.missed(evidence, measured);
        return Verdict.of(claim, slow.outcome(), slow.reason());
    }

    /**
     * C13: a coroutine that computes without suspending stalls every other: their p99 wait beyond the server grows to
     * most of the time it computed. Offloaded (to a thread or a process), no coroutine blocks the loop, so the run
     * cannot show C13; its evidence says what the others waited, and under a GIL how many switch intervals that is:
     * a pool thread shares the loop's lock, and the loop waits for it each time it wakes, but the thread drops it
     * within a switch interval when asked, so the loop is slowed, not stalled (CPython behaves the same way).
     */
    static Verdict blockingStallsOthers(EventLoopDetails d) {
        EventLoopDetails.Blocking b = d.blocking();
        if (b == null) {
            return Verdict.cannotShow(Claim.C13, "no coroutine blocks in mode " + d.mode() + ": run mode blocking");
        }
        boolean stalled = b.othersExtraP99Ms() >= STALL_FRACTION * b.blockedMs();
        String where = switch (b.offload()) {
            case "none" -> "one coroutine computed on the loop, never suspending,";
            case "thread" -> d.gil() ? "one coroutine handed its computation to a pool thread with runInExecutor, "
                    + "which shares the loop's GIL,"
                    : "one coroutine handed its computation to a pool thread with runInExecutor, outside any GIL,";
            default -> "one coroutine handed its computation to a worker process, which has a GIL of its own,";
        };
        String numbers = String.format(Locale.ROOT, "%s for %.1f ms (%d ms of calibrated work): the other "
                        + "coroutines' requests took %.1f ms at p99 and %.1f ms at worst against a %d ms server delay, "
                        + "%.1f ms more at p99 (counted as stalled from %.0f%% of the computing time); %d callback(s) "
                        + "held the loop longer than 100 ms", where, b.blockedMs(), b.blockMillis(), b.othersP99Ms(),
                b.othersSlowestMs(), d.serverDelayMs(), b.othersExtraP99Ms(), 100 * STALL_FRACTION, d.slowCallbacks());
        if (b.offload().equals("none")) {
            return Verdict.of(Claim.C13, stalled ? Outcome.CONFIRMED : Outcome.NOT_SHOWN, numbers + (stalled
                    ? ": every other coroutine waited for it" : ": the others were not held up that long"));
        }
        String effect;
        if (stalled) {
            effect = ": the others were held up all the same";
        } else if (b.offload().equals("thread") && d.gil()) {
            effect = String.format(Locale.ROOT, ": slowed, not stalled. The extra %.1f ms are %.1f switch intervals: "
                    + "each time the loop woke it had to wait for the GIL the computing thread held, and that thread "
                    + "dropped it within a switch interval of being asked. The computation got no core of its own "
                    + "either: only a process gives it one", b.othersExtraP99Ms(),
                    b.othersExtraP99Ms() / GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL.toNanos() * 1e6);
        } else {
            effect = String.format(Locale.ROOT, ": not stalled, the others waited %.1f ms beyond the server against "
                    + "%.1f ms of computing", b.othersExtraP99Ms(), b.blockedMs());
        }
        return Verdict.cannotShow(Claim.C13, numbers + effect + ". No coroutine blocked the loop: run offload=none "
                + "to see a stall");
    }

    private static double sequential(EventLoopDetails d) {
        return (double) d.clients() * d.requestsPerClient() * d.serverDelayMs() / 1000;
    }

    private static String timing(Measured measured, EventLoopDetails d, String what) {
        return String.format(Locale.ROOT, "%,d %s x %d waits of %d ms took %.3f s on one loop: all at once %.3f s, "
                        + "one after another %.1f s (counted as shown up to %.0fx all at once and %.0f%% of one after "
                        + "another)", d.clients(), what, d.requestsPerClient(), d.serverDelayMs(),
                measured.wallSeconds(), d.idealSeconds(), sequential(d), Overlap.IDEAL_FACTOR,
                100 * Overlap.SEQUENTIAL_FRACTION);
    }
}
