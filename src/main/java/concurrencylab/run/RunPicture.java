package concurrencylab.run;

import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.Verdict;
import concurrencylab.timeline.StepRecord;
import concurrencylab.timeline.TimelinePicture;
import concurrencylab.timeline.TimelineSnapshot;
import concurrencylab.timeline.TraceEvents;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A run's timeline as a picture (SVG) and as a trace (Chrome's Trace Event Format), titled and captioned. */
final class RunPicture {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private RunPicture() {
    }

    /** The picture of {@code snapshot}: the run's whole timeline, or its part named {@code part}. */
    static String svg(Run run, TimelineSnapshot snapshot, String part) {
        RunView view = run.view();
        return TimelinePicture.svg(snapshot, title(view, part), caption(view), loopLinks(run, part));
    }

    /**
     * The loop's row leads to its replay: in the whole run's picture every loop's row (one per compare cell, their
     * groups prefixed with the cell), in one part's picture that part's loop.
     */
    private static Map<String, String> loopLinks(Run run, String part) {
        Map<String, String> links = new LinkedHashMap<>();
        List<String> loops = LoopRecords.parts(run.timeline());
        if (part == null || part.isBlank()) {
            for (String loop : loops) {
                links.put(loop.isEmpty() ? StepRecord.LOOP : loop + TimelineSnapshot.SECTION_SEPARATOR
                        + StepRecord.LOOP, LoopRecords.replayOf(run.id, loop));
            }
        } else {
            CellNames.match(loops, part).ifPresent(loop -> links.put(StepRecord.LOOP, LoopRecords.replayOf(run.id,
                    loop)));
        }
        return links;
    }

    /** The same picture as PNG; 503 where Java2D cannot draw text (a JRE without any font). */
    static byte[] png(Run run, TimelineSnapshot snapshot, String part) {
        RunView view = run.view();
        try {
            return TimelinePicture.png(snapshot, title(view, part), caption(view));
        } catch (RuntimeException | LinkageError e) {
            throw pngUnavailable(e, view.links().timeline());
        }
    }

    /** 503: Java2D could not draw here (a JRE without any font); {@code svg} is the same picture as SVG. */
    static ErrorResponseException pngUnavailable(Throwable failure, String svg) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "This service cannot draw PNG pictures here (" + failure + "); " + svg + " is the same picture as SVG.");
        problem.setTitle("PNG not available");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, failure);
    }

    static void trace(Run run, TimelineSnapshot snapshot, Writer out) throws IOException {
        RunView view = run.view();
        Map<String, String> about = new LinkedHashMap<>();
        about.put("runId", view.id());
        about.put("experiment", view.experiment());
        about.put("status", view.status().name());
        about.put("startedAt", String.valueOf(view.startedAt()));
        about.put("report", view.links().report());
        TraceEvents.write(snapshot, about, out);
    }

    /** The trace's file name: experiment, start time (UTC) and the run's first 8 characters. */
    static String traceFileName(RunView view) {
        return "concurrency-lab-" + view.experiment() + "-" + FILE_TIME.format(view.startedAt()) + "-"
                + view.id().substring(0, 8) + ".trace.json";
    }

    static String title(RunView view, String part) {
        ExperimentResult result = view.result();
        String wall = result == null ? "" : String.format(Locale.ROOT, ", %.3f s measured", result.wallSeconds());
        return view.experiment() + " run " + view.id().substring(0, 8) + (part == null || part.isBlank() ? ""
                : " (" + part + ")") + ": " + view.status() + wall;
    }

    /** One line per verdict (claim, outcome, evidence), or why there are none. */
    static List<String> caption(RunView view) {
        List<String> lines = new ArrayList<>();
        if (view.error() != null) {
            lines.add(view.status() + ": " + view.error());
        }
        if (view.result() != null) {
            for (Verdict verdict : view.result().verdicts()) {
                lines.add(verdict.claim() + " " + verdict.outcome().tag() + ": " + verdict.evidence());
            }
        }
        return lines;
    }
}
