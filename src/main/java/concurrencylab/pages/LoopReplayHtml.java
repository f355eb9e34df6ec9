package concurrencylab.pages;

import concurrencylab.run.RunView;
import concurrencylab.timeline.StepRecord;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The replay page's HTML: a summary, the replay's frame (filled and driven by loop-replay.js from the passes embedded
 * as JSON), and every pass as a table row, which is all a reader without JavaScript gets. Stateless.
 */
final class LoopReplayHtml {

    private LoopReplayHtml() {
    }

    /** {@code passes}: the page's steps as JSON (the loop's passes, as /api/runs/{id}/loop writes them). */
    static String html(RunView run, StepRecord.Page page, JsonNode passes) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.escape(run.experiment())).append(" <small>run ").append(Html.escape(run.id()))
                .append(": the loop, pass by pass</small></h1>\n");
        b.append("<p>The loop made <b>").append(page.total()).append("</b> passes; ").append(page.recorded())
                .append(" are kept (").append(Html.escape(page.kept())).append(")")
                .append(page.dropped() > 0 ? ", " + page.dropped() + " dropped" : "")
                .append(page.steps().size() < page.recorded() ? "; this page shows the first " + page.steps().size()
                        + ", the JSON pages on" : "")
                .append(". Each pass takes the ready callbacks, asks the OS which sockets are ready (waiting at most "
                        + "until the next timer), queues the callbacks of those sockets and of the due timers, and runs "
                        + "them: a task runs until it awaits I/O, parks, and the OS watches its socket for it. "
                        + "<a href=\"/runs/").append(Html.escape(run.id())).append("\">Back to the report</a> \u00b7 <a href=\"/api/runs/")
                .append(Html.escape(run.id())).append("/loop\">the passes as JSON</a></p>\n");
        b.append(frame());
        b.append("<h2>Every pass</h2>\n<div class=\"table-wrap\"><table id=\"passes\">\n<thead><tr><th>pass</th>"
                + "<th>at</th><th>ready as it began</th><th>select</th><th>timers due</th><th>ran</th><th>parked</th>"
                + "<th>woke</th></tr></thead>\n<tbody>\n");
        for (JsonNode pass : passes) {
            row(b, pass);
        }
        b.append("</tbody></table></div>\n");
        b.append("<script type=\"application/json\" id=\"pass-data\">").append(passes.toString().replace("</", "<\\/"))
                .append("</script>\n");
        return Html.page(run.experiment() + " run " + run.id().substring(0, 8) + ": the loop",
                "<script src=\"/loop-replay.js\" defer></script>", b.toString());
    }

    /** The replay's frame: controls and the parts of one pass, filled by the script. */
    private static String frame() {
        return """
                <section id="replay" class="replay" hidden>
                <div class="controls">
                <button id="back" type="button" title="the pass before">&#9664; step</button>
                <button id="play" type="button">&#9654; play</button>
                <button id="forward" type="button" title="the next pass">step &#9654;</button>
                <label>speed <select id="speed"><option value="0.25">0.25&times;</option><option value="0.5">0.5&times;</option>
                <option value="1" selected>1&times;</option><option value="2">2&times;</option><option value="4">4&times;</option></select></label>
                <input id="slider" type="range" min="0" max="1" step="any" aria-label="the run's time">
                <span id="clock"></span>
                </div>
                <h2 id="pass-title"></h2>
                <div class="pass-grid">
                <div class="part"><h3>Ready queue as the pass began</h3><ol id="ready" class="cards"></ol></div>
                <div class="part"><h3>Select</h3><p id="select"></p><h4>The OS watched</h4><ul id="watching" class="sockets"></ul>
                <h4>It reported ready</h4><ul id="reported" class="sockets"></ul></div>
                <div class="part"><h3>Timers that came due</h3><ul id="timers"></ul></div>
                <div class="part"><h3>Callbacks it ran</h3><ol id="ran" class="cards"></ol></div>
                <div class="part"><h3>Parked, and on what</h3><ul id="parked"></ul><h3>Woken</h3><ul id="woke"></ul></div>
                <div class="part"><h3>Tasks as the pass ended</h3><ul id="tasks"></ul></div>
                </div>
                <h3>Events <small>(click one to jump to its pass)</small></h3>
                <ol id="events" class="events"></ol>
                </section>
                """;
    }

    private static void row(StringBuilder b, JsonNode p) {
        JsonNode select = p.path("select");
        b.append("<tr").append(p.path("slow").asBoolean() ? " class=\"slow\"" : "").append("><td>")
                .append(p.path("index").asLong()).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.3f ms", p.path("atMs").asDouble())).append("</td><td>")
                .append(list(p.path("ready"))).append("</td><td>")
                .append(select.isMissingNode() || select.isNull() ? "" : Html.escape(select(select)))
                .append("</td><td>").append(list(p.path("timers"))).append("</td><td>")
                .append(Html.escape(p.path("ran").valueStream().map(r -> r.path("what").asString()
                        + String.format(Locale.ROOT, " (%.3f ms)", r.path("ms").asDouble())).collect(Collectors.joining(", "))))
                .append(p.path("moreRan").asInt() > 0 ? " and " + p.path("moreRan").asInt() + " more" : "")
                .append("</td><td>").append(Html.escape(p.path("parked").valueStream()
                        .map(k -> k.path("task").asString() + " on " + k.path("on").asString())
                        .collect(Collectors.joining(", ")))).append("</td><td>").append(list(p.path("woke")))
                .append("</td></tr>\n");
    }

    private static String select(JsonNode s) {
        JsonNode timeout = s.path("timeoutMs");
        String waited = timeout.isNull() || timeout.isMissingNode() ? "waited until woken"
                : timeout.asLong() == 0 ? "did not wait" : "waited at most " + timeout.asLong() + " ms";
        return String.format(Locale.ROOT, "%s, blocked %.3f ms (%s)", waited, s.path("blockedMs").asDouble(),
                s.path("why").asString());
    }

    private static String list(JsonNode names) {
        return Html.escape(names.valueStream().map(JsonNode::asString).collect(Collectors.joining(", ")));
    }
}
