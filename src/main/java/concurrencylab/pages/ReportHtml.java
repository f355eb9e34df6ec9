package concurrencylab.pages;

import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.ResultPicture;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Verdict;
import concurrencylab.run.RunView;
import concurrencylab.timeline.TimelineSnapshot;
import java.util.Locale;
import java.util.stream.Collectors;

/** The HTML of one run's report page. */
final class ReportHtml {

    private ReportHtml() {
    }

    /**
     * The page: status and progress, verdicts with their evidence, headline numbers, the timeline picture,
     * parameters, details and links. {@code paramsJson} and {@code detailsJson} are the pretty-printed JSON.
     * {@code timeline} is null when the run's timeline was not kept; {@code resultPicture} (its SVG put in the page
     * as it is, so that its links work) is null unless the experiment draws its result, as compare draws its matrix;
     * {@code loopRecorded}: the run kept its event loop's passes, so the page links their replay.
     */
    static String html(RunView run, TimelineSnapshot timeline, ResultPicture resultPicture, String paramsJson,
            String detailsJson, boolean loopRecorded) {
        boolean finished = run.status().isFinished();
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.escape(run.experiment())).append(" <small>run ")
                .append(Html.escape(run.id())).append("</small></h1>\n");
        b.append("<p><span id=\"status\" class=\"status ").append(cssName(run.status().name())).append("\">")
                .append(Html.escape(run.status())).append("</span> submitted ").append(Html.escape(run.submittedAt()));
        if (run.startedAt() != null) {
            b.append(", started ").append(Html.escape(run.startedAt()));
        }
        if (run.finishedAt() != null) {
            b.append(", finished ").append(Html.escape(run.finishedAt()));
        }
        b.append("</p>\n");
        long total = Math.max(run.progress().total(), 1);
        b.append("<p class=\"progress\"><progress id=\"progress\" max=\"").append(total).append("\" value=\"")
                .append(finished && run.error() == null ? total : run.progress().done()).append("\"></progress> <span id=\"progress-text\">")
                .append(run.progress().done()).append(" of ").append(run.progress().total()).append(" steps</span></p>\n");
        if (run.error() != null) {
            b.append("<p class=\"error\">").append(Html.escape(run.error())).append("</p>\n");
        }
        if (!finished) {
            b.append("<p id=\"follow\">Running: this page follows it and shows the picture when it ends.</p>\n");
        }
        ExperimentResult result = run.result();
        if (result != null) {
            b.append(verdicts(result)).append(headline(result));
        }
        if (resultPicture != null) {
            b.append("<h2>").append(Html.escape(resultPicture.title())).append("</h2>\n<p>")
                    .append(Html.escape(resultPicture.caption())).append(" <a href=\"/api/runs/")
                    .append(Html.escape(run.id())).append("/picture.svg\">The picture alone (SVG)</a>.</p>\n"
                            + "<figure class=\"result-picture\" id=\"result-picture\">").append(resultPicture.svg())
                    .append("</figure>\n");
        }
        if (loopRecorded) {
            b.append("<p class=\"loop-link\"><a href=\"/runs/").append(Html.escape(run.id())).append("/loop\">Watch the "
                    + "loop think: replay its passes one by one</a> (the ready queue, the select and the sockets the OS "
                    + "watched, the callbacks, the tasks parked and woken).</p>\n");
        }
        b.append(picture(run, timeline, finished));
        b.append("<h2>Parameters</h2>\n<pre class=\"json\">").append(Html.escape(paramsJson)).append("</pre>\n");
        if (detailsJson != null) {
            b.append("<details><summary>Everything this experiment measured (details)</summary><pre class=\"json\">")
                    .append(Html.escape(detailsJson)).append("</pre></details>\n");
        }
        b.append("<h2>Links</h2>\n<ul>\n<li><a href=\"").append(Html.escape(run.links().self()))
                .append("\">the run as JSON</a></li>\n<li><a href=\"").append(Html.escape(run.links().trace()))
                .append("\">the trace</a>: open it in <a href=\"https://ui.perfetto.dev\">ui.perfetto.dev</a> "
                        + "(Open trace file) or chrome://tracing</li>\n<li><a href=\"")
                .append(Html.escape(run.links().timeline())).append("\">the picture alone (SVG)</a></li>\n<li><a href=\"")
                .append(Html.escape(run.links().form())).append("\">run it again with other parameters</a> in Swagger UI"
                        + "</li>\n</ul>\n");
        String head = "<meta name=\"run-id\" content=\"" + Html.escape(run.id()) + "\">"
                + (finished ? "" : "<script src=\"/report.js\" defer></script>"
                        + "<noscript><meta http-equiv=\"refresh\" content=\"3\"></noscript>");
        return Html.page(run.experiment() + " run " + run.id().substring(0, 8), head, b.toString());
    }

    private static String verdicts(ExperimentResult result) {
        StringBuilder b = new StringBuilder("<h2>Verdicts</h2>\n<table class=\"verdicts\">\n<thead><tr><th>claim</th>"
                + "<th>outcome</th><th>statement and evidence</th></tr></thead>\n<tbody>\n");
        for (Verdict v : result.verdicts()) {
            b.append("<tr><td><b>").append(Html.escape(v.claim())).append("</b></td><td><span class=\"")
                    .append(outcomeClass(v)).append("\">").append(Html.escape(v.outcome().tag()))
                    .append("</span></td><td><b>").append(Html.escape(v.statement())).append("</b><br>")
                    .append(Html.escape(v.evidence())).append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String headline(ExperimentResult r) {
        StringBuilder b = new StringBuilder("<h2>Numbers</h2>\n<table class=\"numbers\">\n");
        row(b, "wall time of the measured phase", seconds(r.wallSeconds()));
        row(b, "CPU time (the service and its workers)", seconds(r.cpuSeconds()));
        row(b, "cores busy on average", format(r.cpuUtilisation()));
        if (r.otherProcessesCores() != null) {
            row(b, "cores other programs kept busy meanwhile", format(r.otherProcessesCores()));
        }
        if (r.baselineWallSeconds() != null) {
            row(b, "one after another (" + r.baselineMethod() + ")", seconds(r.baselineWallSeconds()));
        }
        if (r.speedup() != null) {
            row(b, "speedup over one after another", format(r.speedup()) + "x");
        }
        if (r.efficiency() != null) {
            row(b, "efficiency (speedup per worker)", format(r.efficiency()));
        }
        LatencyStats latency = r.taskLatency();
        if (latency != null && latency.count() > 0) {
            row(b, "latency of " + latency.count() + " tasks or requests", String.format(Locale.ROOT,
                    "p50 %.1f ms, p99 %.1f ms, max %.1f ms", latency.p50Ms(), latency.p99Ms(), latency.maxMs()));
        }
        return b.append("</table>\n").toString();
    }

    private static String picture(RunView run, TimelineSnapshot timeline, boolean finished) {
        StringBuilder b = new StringBuilder("<h2>Timeline</h2>\n");
        if (run.startedAt() == null) {
            return b.append(finished ? "<p>It never started: nothing was recorded.</p>\n"
                    : "<p>Queued behind other runs: nothing recorded yet.</p>\n").toString();
        }
        if (timeline == null) {
            return b.append("<p>This run's timeline was not kept: timelines stay in memory with the latest runs, and "
                    + "this one is older or from before the service restarted. Its verdicts and numbers are above.</p>\n")
                    .toString();
        }
        if (!finished) {
            return b.append("<p>Recording: ").append(timeline.events()).append(" events on ")
                    .append(timeline.lanes().size()).append(" lanes so far.</p>\n").toString();
        }
        b.append("<p>Each row is a thread, a worker process, a coroutine, a client or the loop; colours are states, "
                + "ticks are marks. ").append(timeline.lanes().size()).append(" lanes, ").append(timeline.events())
                .append(" events");
        if (timeline.mergedEvents() > 0) {
            b.append(" (").append(timeline.mergedEvents()).append(" merged to stay within the limit)");
        }
        b.append(".</p>\n<figure class=\"timeline\"><img id=\"timeline\" src=\"").append(Html.escape(run.links().timeline()))
                .append("\" width=\"1200\" alt=\"The timeline of run ").append(Html.escape(run.id()))
                .append(": a row per lane, a colour per state\"></figure>\n");
        return b.toString();
    }

    /** Small coloured badges, one per verdict: for the list of runs. */
    static String verdictBadges(RunView run) {
        if (run.result() == null) {
            return run.error() == null ? "" : "<span class=\"muted\">" + Html.escape(shorten(run.error())) + "</span>";
        }
        return run.result().verdicts().stream()
                .map(v -> "<span class=\"" + outcomeClass(v) + "\" title=\"" + Html.escape(v.evidence()) + "\">"
                        + Html.escape(v.claim() + " " + v.outcome().tag()) + "</span>")
                .collect(Collectors.joining(" "));
    }

    /** The CSS classes of a verdict's badge: its outcome's colour. */
    private static String outcomeClass(Verdict verdict) {
        return "outcome " + verdict.outcome().tag();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value)).append("</td></tr>\n");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    private static String cssName(String status) {
        return status.toLowerCase(Locale.ROOT);
    }
}
