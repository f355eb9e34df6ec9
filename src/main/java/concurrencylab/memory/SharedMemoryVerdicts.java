package concurrencylab.memory;

import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Verdict;
import concurrencylab.memory.SharedMemoryDetails.Isolation;
import java.util.List;
import java.util.Locale;

/** The verdicts of the shared-memory experiment. */
final class SharedMemoryVerdicts {

    private SharedMemoryVerdicts() {
    }

    static List<Verdict> of(CounterMode mode, SharedMemoryDetails d) {
        if (mode == CounterMode.PROCESSES) {
            return List.of(threadsSeeTheMarker(d), childrenDoNot(d));
        }
        return List.of(mode == CounterMode.UNSYNCHRONIZED ? racy(d) : protectedCounter(d), Verdict.cannotShow(Claim.C1,
                "mode " + d.mode() + " runs threads only; mode processes runs the same counting as child processes"));
    }

    /** C4 by its symptom: threads that share a counter without protection lose increments. */
    private static Verdict racy(SharedMemoryDetails d) {
        if (d.workers() < 2) {
            return Verdict.cannotShow(Claim.C4, "one thread has nobody to share the counter with: use 2 or more workers");
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
        String how = d.mode().equals("atomic") ? "an atomic compare-and-set" : "a lock";
        if (d.workers() < 2) {
            return Verdict.cannotShow(Claim.C4, String.format(Locale.ROOT, "one thread added %,d under %s and the "
                    + "counter reads %,d, but one thread has nobody to share the counter with: use 2 or more workers",
                    d.increments(), how, d.actual()));
        }
        return Verdict.of(Claim.C4, d.lostUpdates() == 0, String.format(Locale.ROOT,
                "%d threads each added %,d to one shared counter under %s: it reads %,d of %,d, %,d lost. They all "
                        + "wrote the same memory, and the protection made every increment count", d.workers(),
                d.increments(), how, d.actual(), d.expected(), d.lostUpdates()));
    }

    /** C4 by sight: threads see the value the service's main thread wrote, and what they add lands in it. */
    private static Verdict threadsSeeTheMarker(SharedMemoryDetails d) {
        Isolation i = d.isolation();
        boolean sawIt = i.threadsSaw().stream().allMatch(seen -> seen >= i.marker());
        long expected = i.marker() + d.workers() * d.increments();
        return Verdict.of(Claim.C4, sawIt && i.serviceAfterThreads() == expected, String.format(Locale.ROOT,
                "the service's main thread wrote %,d into its counter; %d thread(s) read %s before counting, and "
                        + "after each added %,d the service's counter reads %,d (%,d if they changed the memory it "
                        + "reads): threads read and write their process's memory", i.marker(), d.workers(),
                i.threadsSaw().stream().map(v -> String.format(Locale.ROOT, "%,d", v)).toList(), d.increments(),
                i.serviceAfterThreads(), expected));
    }

    /** C1: the same counting code in child processes sees none of the service's memory and changes none of it. */
    private static Verdict childrenDoNot(SharedMemoryDetails d) {
        Isolation i = d.isolation();
        String saw = String.format(Locale.ROOT, "the same counting code in %d child process(es) read %s first "
                + "(not the marker %,d) and counted to %s in their own memory; the service's counter read %,d before "
                + "and %,d after them", d.workers(), i.children().stream().map(c -> String.format(Locale.ROOT,
                "%,d (pid %d)", c.saw(), c.pid())).toList(), i.marker(), i.children().stream().map(c ->
                String.format(Locale.ROOT, "%,d", c.count())).toList(), i.serviceAfterThreads(),
                i.serviceAfterChildren());
        boolean probeWorks = i.threadsSaw().stream().allMatch(seen -> seen >= i.marker());
        if (!probeWorks) {
            return Verdict.of(Claim.C1, false, saw + ". But the threads did not see the marker either, so this probe "
                    + "cannot tell shared memory from private: nothing shown");
        }
        // The service's counter held the marker, then the threads' sums: a child that read any of those saw it.
        boolean ownMemory = i.children().size() == d.workers() && i.children().stream().allMatch(c ->
                (c.saw() < i.marker() || c.saw() > i.serviceAfterThreads()) && c.count() == c.saw() + d.increments());
        boolean untouched = i.serviceAfterChildren() == i.serviceAfterThreads();
        return Verdict.of(Claim.C1, ownMemory && untouched, saw + (ownMemory && untouched
                ? ". Where the threads saw the marker and moved the service's counter, the processes saw neither: a "
                        + "process's memory is its own" : ". A child saw the service's value or changed it"));
    }
}
