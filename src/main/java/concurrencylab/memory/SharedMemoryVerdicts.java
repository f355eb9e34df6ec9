package concurrencylab.memory;

import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Verdict;
import java.util.Locale;

/** The verdicts of the shared-memory experiment. */
final class SharedMemoryVerdicts {

    private SharedMemoryVerdicts() {
    }

    static Verdict of(SharedMemoryDetails d) {
        return switch (d.mode()) {
            case "unsynchronized" -> racy(d);
            case "processes" -> isolated(d);
            default -> protectedCounter(d);
        };
    }

    /** C4 by its symptom: threads that share a counter without protection lose increments. */
    private static Verdict racy(SharedMemoryDetails d) {
        if (d.workers() < 2) {
            return Verdict.of(Claim.C4, false, "one thread has nobody to share the counter with: use 2 or more workers");
        }
        if (d.lostUpdates() > 0) {
            return Verdict.of(Claim.C4, true, String.format(Locale.ROOT,
                    "%d threads each added %,d to one shared counter: it reads %,d, not %,d. %,d increments (%.2f%%) "
                            + "were lost, because the threads read and wrote the same memory: two read the same value and "
                            + "both wrote it plus one", d.workers(), d.increments(), d.actual(), d.expected(),
                    d.lostUpdates(), d.lostPercent()));
        }
        return Verdict.of(Claim.C4, false, String.format(Locale.ROOT, "this run lost no increment (%,d of %,d): the "
                + "threads did not happen to collide, for instance because they ran one after the other on a busy "
                + "machine. The race is still there: run again, or raise increments", d.actual(), d.expected()));
    }

    /** C4 with protection: the threads share the counter, and a lock or an atomic loses nothing. */
    private static Verdict protectedCounter(SharedMemoryDetails d) {
        return Verdict.of(Claim.C4, d.lostUpdates() == 0, String.format(Locale.ROOT,
                "%d threads each added %,d to one shared counter under %s: it reads %,d of %,d, %,d lost. They all "
                        + "wrote the same memory, and the protection made every increment count", d.workers(),
                d.increments(), d.mode().equals("atomic") ? "an atomic compare-and-set" : "a lock", d.actual(),
                d.expected(), d.lostUpdates()));
    }

    /** C1: each worker process counted in its own memory; the service's counter did not move. */
    private static Verdict isolated(SharedMemoryDetails d) {
        boolean eachOwn = d.children().stream().allMatch(c -> c.count() == d.increments());
        boolean parentUntouched = d.parentValue() == 0;
        return Verdict.of(Claim.C1, eachOwn && parentUntouched && d.children().size() == d.workers(),
                String.format(Locale.ROOT, "%d worker processes each added %,d to \"the\" counter: each one's reads %s, "
                        + "its own increments only, and the service's reads %d. Had they shared memory, the last would "
                        + "read %,d; a process's memory is its own", d.workers(), d.increments(),
                        d.children().stream().map(c -> String.format(Locale.ROOT, "%,d (pid %d)", c.count(), c.pid()))
                                .toList(), d.parentValue(), d.expected()));
    }
}
