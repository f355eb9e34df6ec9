package concurrencylab.run;

import concurrencylab.timeline.StepRecord;
import concurrencylab.timeline.Timeline;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Finds the loop a run recorded, for its JSON and its replay page: an {@code event-loop} or {@code sockets} run keeps
 * one for the whole run, a {@code compare} run one per coroutine cell ({@code ?cell=coroutines/io}). Stateless.
 */
public final class LoopRecords {

    private LoopRecords() {
    }

    /**
     * A loop's record and the part it belongs to ("" for the whole run).
     *
     * @param part   the timeline section the loop ran in, "" outside any
     * @param record its passes
     */
    public record Found(String part, StepRecord record) {
    }

    /** Part {@code part} as a query ("?cell=coroutines%2Fio"), or "" for the whole run (""). */
    public static String query(String part) {
        return part.isEmpty() ? "" : "?cell=" + URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    /** The replay page of run {@code runId}'s loop in part {@code part}. */
    public static String replayOf(String runId, String part) {
        return "/runs/" + runId + "/loop" + query(part);
    }

    /** The parts of a run that recorded a loop, in the order they ran ("" for the whole run). */
    public static List<String> parts(Timeline timeline) {
        return timeline.recordParts(StepRecord.LOOP);
    }

    /**
     * The loop of part {@code cell}, or, without {@code cell}, the only one the run recorded.
     *
     * @throws ErrorResponseException 404 naming what the run did record: none, no such part, or several (ask for one)
     */
    public static Found find(String runId, String kind, Timeline timeline, String cell) {
        List<String> parts = parts(timeline);
        if (parts.isEmpty()) {
            throw notFound(runId, "No loop recorded", "Run " + runId + " is " + article(kind) + " run and recorded no "
                    + "event-loop passes: event-loop runs do, sockets runs with the event-loop server, and compare's "
                    + "coroutine cells. Its timeline is at /api/runs/" + runId + "/timeline.svg.", parts);
        }
        if (cell == null || cell.isBlank()) {
            if (parts.size() > 1 && !parts.contains("")) {
                throw notFound(runId, "Which loop?", "Run " + runId + " ran a loop in each of " + parts.size()
                        + " parts: " + String.join(", ", parts) + ". Name one with ?cell=, e.g. ?cell="
                        + parts.getFirst() + ".", parts);
            }
            String part = parts.contains("") ? "" : parts.getFirst();
            return new Found(part, timeline.record(part, StepRecord.LOOP).orElseThrow());
        }
        return CellNames.match(parts, cell)
                .map(part -> new Found(part, timeline.record(part, StepRecord.LOOP).orElseThrow()))
                .orElseThrow(() -> notFound(runId, "No loop in that part", "Run " + runId + " recorded no loop in a part named '" + cell
                + "'; it recorded one in: " + parts.stream().map(p -> p.isEmpty() ? "the whole run (no cell)" : p)
                .reduce((a, b) -> a + ", " + b).orElseThrow() + ".", parts));
    }

    private static String article(String kind) {
        return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " + kind : "a " + kind;
    }

    private static ErrorResponseException notFound(String runId, String title, String detail, List<String> parts) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        problem.setProperty("runId", runId);
        problem.setProperty("cells", parts.stream().filter(p -> !p.isEmpty()).toList());
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
