package concurrencylab.pages;

import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.ResultPicture;
import concurrencylab.run.LoopRecords;
import concurrencylab.run.RunLinks;
import concurrencylab.run.RunView;
import concurrencylab.timeline.TimelineSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the report page ({@code templates/report.mustache}) shows of one run: status with human times, progress,
 * verdicts with their evidence, headline numbers, the result picture, links to the loop's replay, the timeline
 * picture (or why there is none), parameters and details.
 *
 * @param queued       how long it waited in the queue before it started, or null
 * @param took         how long it ran, or null while it runs
 * @param resultPicture the picture the experiment draws of its result (compare's matrix), or null
 * @param loops        the replays of the loops it recorded: one, or one per compare cell
 * @param loopIntro    the sentence before the links when they are a compare run's cells, else null
 * @param timelineNote why no picture is drawn yet (queued, running, not kept), or null when it is
 * @param paramsJson   the parameters, pretty-printed JSON
 * @param detailsJson  everything the experiment measured, pretty-printed JSON, or null
 */
record ReportModel(String title, String id, String experiment, boolean finished, String status, String statusClass,
        HumanTime.When submitted, HumanTime.When started, String queued, HumanTime.When finishedAt, String took,
        long progressMax, long progressValue, long progressDone, long progressTotal, String error,
        List<VerdictRow> verdicts, boolean anyVerdicts, List<NumberRow> numbers, boolean anyNumbers,
        PictureModel resultPicture, List<LoopLink> loops, boolean anyLoops, String loopIntro, String timelineNote,
        TimelineModel timelineDrawn, String paramsJson, String detailsJson, RunLinks links) {

    /** A verdict's row: its claim, outcome tag (also its CSS class), statement and evidence. */
    record VerdictRow(String claim, String tag, String statement, String evidence) {
    }

    /** A headline number, named. */
    record NumberRow(String name, String value) {
    }

    /** The result picture: its SVG goes into the page as it is (the service drew it), so that its links work. */
    record PictureModel(String title, String caption, String svg) {
    }

    /** A link to the replay of one loop the run recorded. */
    record LoopLink(String label, String href) {
    }

    /** The drawn timeline: how much it holds and where its SVG is. */
    record TimelineModel(int lanes, long events, Long merged, String timelineSvg) {
    }

    /**
     * @param timeline      null when the run's timeline was not kept
     * @param resultPicture null unless the experiment draws its result
     * @param loopParts     the parts that recorded a loop ("" for the whole run)
     */
    static ReportModel of(RunView run, TimelineSnapshot timeline, ResultPicture resultPicture, String paramsJson,
            String detailsJson, List<String> loopParts, ZoneId zone, Instant now) {
        boolean finished = run.status().isFinished();
        ExperimentResult result = run.result();
        List<VerdictRow> verdicts = result == null ? List.of() : result.verdicts().stream()
                .map(v -> new VerdictRow(v.claim(), v.outcome().tag(), v.statement(), v.evidence())).toList();
        List<NumberRow> numbers = result == null ? List.of() : numbers(result);
        List<LoopLink> loops = loopParts.stream().map(part -> part.isEmpty()
                ? new LoopLink("Watch the loop think: replay its passes one by one", LoopRecords.replayOf(run.id(), part))
                : new LoopLink(part, LoopRecords.replayOf(run.id(), part))).toList();
        String loopIntro = loopParts.stream().anyMatch(part -> !part.isEmpty())
                ? "Watch the loop think in each cell that ran one, pass by pass:" : null;
        long total = Math.max(run.progress().total(), 1);
        return new ReportModel(run.experiment() + " run " + run.id().substring(0, 8), run.id(), run.experiment(),
                finished, run.status().name(), run.status().name().toLowerCase(Locale.ROOT),
                HumanTime.of(run.submittedAt(), zone, now), HumanTime.of(run.startedAt(), zone, now),
                HumanTime.between(run.submittedAt(), run.startedAt()), HumanTime.of(run.finishedAt(), zone, now),
                HumanTime.between(run.startedAt(), run.finishedAt()), total,
                finished && run.error() == null ? total : run.progress().done(), run.progress().done(),
                run.progress().total(), run.error(), verdicts, !verdicts.isEmpty(), numbers, !numbers.isEmpty(),
                resultPicture == null ? null
                        : new PictureModel(resultPicture.title(), resultPicture.caption(), resultPicture.svg()),
                loops, !loops.isEmpty(), loopIntro, timelineNote(run, timeline, finished),
                finished && timeline != null && run.startedAt() != null ? new TimelineModel(timeline.lanes().size(),
                        timeline.events(), timeline.mergedEvents() > 0 ? timeline.mergedEvents() : null,
                        run.links().timeline()) : null,
                paramsJson, detailsJson, run.links());
    }

    private static String timelineNote(RunView run, TimelineSnapshot timeline, boolean finished) {
        if (run.startedAt() == null) {
            return finished ? "It never started: nothing was recorded." : "Queued behind other runs: nothing recorded yet.";
        }
        if (timeline == null) {
            return "This run's timeline was not kept: timelines stay in memory with the latest runs, and this one is "
                    + "older or from before the service restarted. Its verdicts and numbers are above.";
        }
        return finished ? null : "Recording: " + timeline.events() + " events on " + timeline.lanes().size()
                + " lanes so far.";
    }

    private static List<NumberRow> numbers(ExperimentResult r) {
        List<NumberRow> rows = new ArrayList<>();
        rows.add(new NumberRow("wall time of the measured phase", seconds(r.wallSeconds())));
        rows.add(new NumberRow("CPU time (the service and its workers)", seconds(r.cpuSeconds())));
        rows.add(new NumberRow("cores busy on average", format(r.cpuUtilisation())));
        if (r.otherProcessesCores() != null) {
            rows.add(new NumberRow("cores other programs kept busy meanwhile", format(r.otherProcessesCores())));
        }
        if (r.baselineWallSeconds() != null) {
            rows.add(new NumberRow("one after another (" + r.baselineMethod() + ")", seconds(r.baselineWallSeconds())));
        }
        if (r.speedup() != null) {
            rows.add(new NumberRow("speedup over one after another", format(r.speedup()) + "x"));
        }
        if (r.efficiency() != null) {
            rows.add(new NumberRow("efficiency (speedup per worker)", format(r.efficiency())));
        }
        LatencyStats latency = r.taskLatency();
        if (latency != null && latency.count() > 0) {
            rows.add(new NumberRow("latency of " + latency.count() + " tasks or requests", String.format(Locale.ROOT,
                    "p50 %.1f ms, p99 %.1f ms, max %.1f ms", latency.p50Ms(), latency.p99Ms(), latency.maxMs())));
        }
        return rows;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
