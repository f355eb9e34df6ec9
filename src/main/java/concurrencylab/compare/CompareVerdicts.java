package concurrencylab.compare;

import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Parallelism;
import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three claims the matrix tests, each judged from the cells it names. Stateless. */
final class CompareVerdicts {

    /** CPU work "gains" from a model above this speedup; a model without parallel cores stays at or below it. */
    static final double GAIN = 1.25;
    /** C16: a responsive task's p99 stays within this many switch intervals (a wait for the GIL or two)... */
    static final double SWITCH_MULTIPLE = 8;
    /** ...or this many times its p99 with no hog beside it... */
    static final double ALONE_MULTIPLE = 5;
    /** ...and below this it always counts as responsive: a few scheduler ticks on a busy machine. */
    static final double RESPONSIVE_FLOOR_MS = 20;
    /** C17: the offloading loop's lag p99 stays under this, or under a quarter of one task's work if that is longer. */
    static final double LAG_FLOOR_MS = 20;

    private CompareVerdicts() {
    }

    static List<Verdict> of(CompareDetails d) {
        return List.of(concurrencyIsNotParallelism(d), preemptiveStaysResponsive(d), loopOffloadsToProcesses(d));
    }

    /** C15: on io every concurrent model reaches about tasks; on cpu only the parallel ones pass 1.25. */
    static Verdict concurrencyIsNotParallelism(CompareDetails d) {
        if (!d.has(CompareWorkload.IO) || !d.has(CompareWorkload.CPU)) {
            return Verdict.cannotShow(Claim.C15, "needs the cpu and the io column side by side; this run had "
                    + d.workloads());
        }
        if (d.tasks() < 2) {
            return Verdict.cannotShow(Claim.C15, "one task has nothing to overlap with: run 2 tasks or more");
        }
        List<Cell> io = cells(d, CompareWorkload.IO, m -> m != Model.SEQUENTIAL);
        List<Cell> parallel = cells(d, CompareWorkload.CPU, Model::parallel);
        List<Cell> serial = cells(d, CompareWorkload.CPU, m -> !m.parallel() && m != Model.SEQUENTIAL);
        if (io.isEmpty() || parallel.isEmpty() || serial.isEmpty()) {
            return Verdict.cannotShow(Claim.C15, "needs a model with parallel cores (threads, virtual-threads, "
                    + "free-threaded, interpreters, processes or coroutines+processes) and one without (gil-threads or "
                    + "coroutines) beside "
                    + "sequential; this run had " + d.models());
        }
        double ioTarget = Parallelism.SCALING_MARGIN * d.tasks();
        List<Cell> ioSlow = io.stream().filter(c -> c.speedup() < ioTarget).toList();
        // A cpu speedup above what the cell's busy cores allow means the sequential cell ran slow (the JIT, or other
        // threads on its core): the column's baseline overstates the work, and nothing is confirmed from it.
        List<Cell> overstated = cells(d, CompareWorkload.CPU, m -> m != Model.SEQUENTIAL).stream()
                .filter(CompareVerdicts::impossible).toList();
        List<Cell> serialGained = serial.stream().filter(c -> c.speedup() > GAIN && !impossible(c)).toList();
        List<Cell> parallelFlat = parallel.stream().filter(c -> !gainsPhysically(c)).toList();
        String evidence = String.format(Locale.ROOT, "io, expected about %d (counted from %.1f): %s; cpu with "
                        + "parallel cores, above %.2f: %s; cpu without, at most %.2f: %s", d.tasks(), ioTarget,
                speedups(io), GAIN, speedups(parallel), GAIN, speedups(serial))
                + (overstated.isEmpty() ? "" : "; " + models(overstated) + " gained more on cpu than their busy "
                + "cores allow: the sequential cell ran slow, so this column's baseline overstates the work");
        if (!ioSlow.isEmpty() || !serialGained.isEmpty()) {
            return Verdict.of(Claim.C15, false, "not shown: " + (ioSlow.isEmpty() ? ""
                    : "concurrency did not overlap the waits of " + models(ioSlow) + "; ")
                    + (serialGained.isEmpty() ? "" : models(serialGained) + " gained on cpu without parallel cores; ")
                    + evidence);
        }
        if (parallelFlat.isEmpty() && overstated.isEmpty()) {
            return Verdict.of(Claim.C15, true, evidence);
        }
        if (d.cores() < 2) {
            return Verdict.cannotShow(Claim.C15, "the parallel half needs 2 cores or more, and this run had "
                    + d.cores() + (d.pinnedTo() != null ? " (pinned to CPU " + d.pinnedTo() + ")" : "")
                    + ": no cpu cell gained more than one core explains; the io half held: " + evidence);
        }
        if (parallelFlat.isEmpty()) {
            return Verdict.of(Claim.C15, false, "not shown: " + evidence);
        }
        // The busiest the machine was during the cpu column decides whether the cores were free: a cell with worker
        // processes overstates the lab's share (their JIT threads count as the lab's), so it can read the others low.
        Cell worst = cells(d, CompareWorkload.CPU, m -> true).stream().max(java.util.Comparator.comparingDouble(
                c -> c.otherProcessesCores() == null ? Double.POSITIVE_INFINITY : c.otherProcessesCores())).orElseThrow();
        Parallelism.Judgement missed = Parallelism.missed(models(parallelFlat) + " did not pass " + GAIN
                + " on cpu; " + evidence, worst.measured());
        return Verdict.of(Claim.C15, missed.outcome(), missed.reason());
    }

    /**
     * C16: beside the hog, preemptive models' I/O stays quick (threads, with a GIL or without, and interpreters: the
     * hog holds only its own interpreter's GIL); coroutines' I/O waits about as long as the hog computes.
     */
    static Verdict preemptiveStaysResponsive(CompareDetails d) {
        if (!d.has(CompareWorkload.MIXED) || d.mixed() == null) {
            return Verdict.cannotShow(Claim.C16, "needs the mixed column; this run had " + d.workloads());
        }
        List<Cell> preemptive = cells(d, CompareWorkload.MIXED, m -> m == Model.THREADS || m == Model.GIL_THREADS
                || m == Model.FREE_THREADED || m == Model.INTERPRETERS);
        Optional<Cell> cooperative = d.cell(Model.COROUTINES, CompareWorkload.MIXED);
        if (preemptive.isEmpty() || cooperative.isEmpty()) {
            return Verdict.cannotShow(Claim.C16, "needs threads, gil-threads, free-threaded or interpreters "
                    + "(preemptive) and coroutines "
                    + "(cooperative) beside each other; this run had " + d.models());
        }
        double alone = d.mixed().aloneP99Ms();
        double bound = Math.min(d.hogMillis() / 4.0, Math.max(RESPONSIVE_FLOOR_MS,
                Math.max(SWITCH_MULTIPLE * d.switchIntervalMs(), ALONE_MULTIPLE * alone)));
        double stall = d.hogMillis() / 2.0;
        if (d.hogMillis() / 4.0 <= Math.max(RESPONSIVE_FLOOR_MS, ALONE_MULTIPLE * alone)) {
            return Verdict.cannotShow(Claim.C16, String.format(Locale.ROOT, "the hog computes only %d ms, too "
                    + "short beside the I/O's own %.1f ms p99 to tell a stall from a turn: raise tasks x taskMillis",
                    d.hogMillis(), alone));
        }
        List<Cell> slow = preemptive.stream().filter(c -> c.ioP99Ms() > bound).toList();
        Cell coroutines = cooperative.get();
        boolean stalled = coroutines.ioP99Ms() >= stall;
        String evidence = String.format(Locale.ROOT, "I/O p99 beside a %d ms hog: %s (responsive within %.1f ms: "
                        + "%.0f x the %.1f ms switch interval or %.0f x the %.2f ms alone p99, at least %.0f ms, at "
                        + "most a quarter of the hog); coroutines %.1f ms (stalled from %.0f ms, half the hog)",
                d.hogMillis(), latencies(preemptive), bound, SWITCH_MULTIPLE, d.switchIntervalMs(), ALONE_MULTIPLE,
                alone, RESPONSIVE_FLOOR_MS, coroutines.ioP99Ms(), stall);
        if (slow.isEmpty() && stalled) {
            return Verdict.of(Claim.C16, true, evidence);
        }
        return Verdict.of(Claim.C16, false, "not shown: " + (slow.isEmpty() ? ""
                : models(slow) + " let the I/O wait longer than the bound (a switch interval this long hardly "
                + "preempts); ") + (stalled ? "" : "the coroutines' I/O was not held up by the hog; ") + evidence);
    }

    /** C17: coroutines that hand CPU work to processes use the cores and keep the loop responsive. */
    static Verdict loopOffloadsToProcesses(CompareDetails d) {
        Optional<Cell> offloaded = d.cell(Model.COROUTINES_PROCESSES, CompareWorkload.CPU);
        Optional<Cell> alone = d.cell(Model.COROUTINES, CompareWorkload.CPU);
        if (offloaded.isEmpty() || alone.isEmpty()) {
            return Verdict.cannotShow(Claim.C17, "needs the cpu column with coroutines and coroutines+processes; "
                    + "this run had " + d.models() + " x " + d.workloads());
        }
        if (d.tasks() < 2) {
            return Verdict.cannotShow(Claim.C17, "one task has nothing to run in parallel with: run 2 tasks or more");
        }
        Cell cp = offloaded.get();
        Cell co = alone.get();
        int expected = Math.min(d.tasks(), d.cores());
        double lagBound = Math.max(LAG_FLOOR_MS, d.taskMillis() / 4.0);
        boolean responsive = cp.loopLagP99Ms() != null && cp.loopLagP99Ms() <= lagBound;
        boolean aloneFlat = co.speedup() <= GAIN || impossible(co);
        String evidence = String.format(Locale.ROOT, "coroutines+processes on cpu: speedup %.2f with %.2f cores "
                        + "busy, loop lag p99 %.1f ms (responsive up to %.1f ms); coroutines alone: speedup %.2f, "
                        + "lag p99 %.1f ms", cp.speedup(), cp.coresBusy(), orNaN(cp.loopLagP99Ms()), lagBound,
                co.speedup(), orNaN(co.loopLagP99Ms()));
        if (expected < 2) {
            return Verdict.cannotShow(Claim.C17, "needs 2 cores or more, and this run had " + d.cores()
                    + (d.pinnedTo() != null ? " (pinned to CPU " + d.pinnedTo() + ")" : "")
                    + ": the worker processes could only take turns on it; " + evidence);
        }
        if (!responsive || !aloneFlat) {
            return Verdict.of(Claim.C17, false, "not shown: " + (responsive ? "" : "the loop lagged while its "
                    + "work was in the processes; ") + (aloneFlat ? "" : "coroutines alone gained on cpu; ")
                    + evidence);
        }
        if (impossible(co)) {
            return Verdict.of(Claim.C17, false, "not shown: coroutines alone gained more on cpu than their busy cores "
                    + "allow: the sequential cell ran slow, so this column's baseline overstates the work; " + evidence);
        }
        Parallelism.Judgement judged = Parallelism.judge(cp.speedup(), cp.measured(), expected);
        return Verdict.of(Claim.C17, judged.outcome(), judged.shown() ? evidence
                : "the processes did not use the cores: " + judged.reason() + "; " + evidence);
    }

    /** A cpu speedup above 1.25 that the cores the cell kept busy can explain. */
    private static boolean gainsPhysically(Cell c) {
        return c.speedup() > GAIN && !impossible(c);
    }

    /** A speedup no core count that was busy can give (Parallelism's rule: above 1.2 x busy cores + 0.1). */
    private static boolean impossible(Cell c) {
        return c.speedup() > 1.2 * c.coresBusy() + 0.1;
    }

    private static List<Cell> cells(CompareDetails d, CompareWorkload workload,
            java.util.function.Predicate<Model> which) {
        List<Cell> found = new ArrayList<>();
        for (Model model : Model.values()) {
            if (which.test(model)) {
                d.cell(model, workload).filter(c -> c.speedup() != null || c.ioP99Ms() != null).ifPresent(found::add);
            }
        }
        return found;
    }

    private static String speedups(List<Cell> cells) {
        return cells.stream().map(c -> String.format(Locale.ROOT, "%s %.2f", c.model(), c.speedup()))
                .collect(Collectors.joining(", "));
    }

    private static String latencies(List<Cell> cells) {
        return cells.stream().map(c -> String.format(Locale.ROOT, "%s %.1f ms", c.model(), c.ioP99Ms()))
                .collect(Collectors.joining(", "));
    }

    private static String models(List<Cell> cells) {
        return cells.stream().map(Cell::model).collect(Collectors.joining(", "));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
