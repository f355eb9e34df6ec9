package concurrencylab.pages;

import concurrencylab.run.LoopRecords;
import concurrencylab.timeline.StepRecord;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What the replay page ({@code templates/loop-replay.mustache}) shows: a summary, the passes as table rows (all a
 * reader without JavaScript gets) and the same passes as JSON for loop-replay.js, which draws one at a time.
 *
 * @param cell       the compare cell the loop ran in, or null for the run's one loop
 * @param shownOnly  how many passes this page carries when the record keeps more, else null
 * @param json       the passes as JSON, from the API
 * @param otherCells the replays of the run's other loops (compare's other coroutine cells)
 * @param passJson   the passes as the API writes them, safe inside a script element
 */
record LoopReplayModel(String title, String id, String experiment, String cell, long total, long recorded,
        String kept, Long dropped, Integer shownOnly, String json, List<ReportModel.LoopLink> otherCells,
        boolean anyOtherCells, List<PassRow> passes, String passJson) {

    /** One pass as a table row, every part in words. */
    record PassRow(long index, String at, boolean slow, String ready, String select, String timers, String ran,
            String parked, String woke) {

        static PassRow of(JsonNode p) {
            JsonNode select = p.path("select");
            String ran = p.path("ran").valueStream().map(r -> r.path("what").asString()
                    + String.format(Locale.ROOT, " (%.3f ms)", r.path("ms").asDouble())).collect(Collectors.joining(", "))
                    + (p.path("moreRan").asInt() > 0 ? " and " + p.path("moreRan").asInt() + " more" : "");
            return new PassRow(p.path("index").asLong(), String.format(Locale.ROOT, "%.3f ms", p.path("atMs").asDouble()),
                    p.path("slow").asBoolean(), names(p.path("ready")),
                    select.isMissingNode() || select.isNull() ? "" : select(select), names(p.path("timers")), ran,
                    p.path("parked").valueStream().map(k -> k.path("task").asString() + " on " + k.path("on").asString())
                            .collect(Collectors.joining(", ")), names(p.path("woke")));
        }

        private static String select(JsonNode s) {
            JsonNode timeout = s.path("timeoutMs");
            String waited = timeout.isNull() || timeout.isMissingNode() ? "waited until woken"
                    : timeout.asLong() == 0 ? "did not wait" : "waited at most " + timeout.asLong() + " ms";
            return String.format(Locale.ROOT, "%s, blocked %.3f ms (%s)", waited, s.path("blockedMs").asDouble(),
                    s.path("why").asString());
        }

        private static String names(JsonNode names) {
            return names.valueStream().map(JsonNode::asString).collect(Collectors.joining(", "));
        }
    }

    /**
     * @param part   the loop's part of the run, "" for the whole run
     * @param parts  every part that recorded a loop
     * @param passes the page's steps as JSON (the loop's passes, as /api/runs/{id}/loop writes them)
     */
    static LoopReplayModel of(String id, String experiment, String part, List<String> parts, StepRecord.Page page,
            JsonNode passes) {
        String cell = part.isEmpty() ? null : part;
        List<ReportModel.LoopLink> others = parts.stream().filter(p -> !p.equals(part) && !p.isEmpty())
                .map(p -> new ReportModel.LoopLink(p, LoopRecords.replayOf(id, p))).toList();
        return new LoopReplayModel(experiment + " run " + id.substring(0, 8) + ": the loop" + (cell == null ? ""
                : " of " + cell), id, experiment, cell, page.total(), page.recorded(), page.kept(),
                page.dropped() > 0 ? page.dropped() : null,
                page.steps().size() < page.recorded() ? page.steps().size() : null, "/api/runs/" + id + "/loop" + LoopRecords.query(part),
                others, !others.isEmpty(), passes.valueStream().map(PassRow::of).toList(),
                // Inside <script>, "</" could end the element early: JSON lets "\/" stand for "/".
                passes.toString().replace("</", "<\\/"));
    }
}
