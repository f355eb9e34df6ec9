package concurrencylab.run;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a run recorded: its timeline as a picture (SVG, PNG) and as a trace for Perfetto. */
@RestController
@RequestMapping("/api/runs")
@Tag(name = "Runs")
class RunTimelineController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final RunService runs;

    RunTimelineController(RunService runs) {
        this.runs = runs;
    }

    @GetMapping(path = "/{id}/timeline.svg", produces = "image/svg+xml")
    @ApiResponse(responseCode = "200", description = "The picture: a row per lane, a colour per state, marks, counters, "
            + "a time axis in ms and the verdicts as a caption", content = @Content(mediaType = "image/svg+xml"))
    @TimelineResponses
    @Operation(summary = "A run's timeline as a picture (SVG)",
            description = "What every thread, worker process, coroutine or client did, drawn by the service: GIL "
                    + "hold/wait/I/O, queue waits, loop passes, spawns, requests. While the run is running, what it "
                    + "recorded so far; a failed run keeps what it recorded up to the failure.")
    ResponseEntity<String> timeline(@PathVariable String id) {
        Run run = started(id);
        return ResponseEntity.ok().contentType(SVG).body(RunPicture.svg(run));
    }

    @GetMapping(path = "/{id}/timeline.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ApiResponse(responseCode = "200", description = "The same picture as timeline.svg, as PNG",
            content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
    @TimelineResponses
    @Operation(summary = "A run's timeline as a picture (PNG): the one to try here",
            description = "The same picture as timeline.svg. Swagger UI shows a PNG answer as a picture (an SVG "
                    + "answer it prints as text): try it with the id of a finished run.")
    ResponseEntity<byte[]> timelinePng(@PathVariable String id) {
        Run run = started(id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(RunPicture.png(run));
    }

    @GetMapping(path = "/{id}/trace", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "Chrome's Trace Event Format (JSON object with traceEvents): "
            + "open it in https://ui.perfetto.dev or chrome://tracing")
    @TimelineResponses
    @Operation(summary = "A run's timeline as a trace for Perfetto UI or chrome://tracing",
            description = "Lane groups are processes, lanes are threads; states are complete events (ph X), marks "
                    + "instants (ph i), CPU shares and tasks in flight counters (ph C); times in microseconds from "
                    + "the run's start. Downloads as a file named after the experiment and its start time.")
    void trace(@PathVariable String id, HttpServletResponse response) throws IOException {
        Run run = started(id);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(RunPicture.traceFileName(run.view())).build().toString());
        RunPicture.trace(run, response.getWriter());
    }

    /** The run, once it has started: a queued one has recorded nothing (409). */
    private Run started(String id) {
        Run run = runs.find(id).orElseThrow(() -> runs.view(id).isPresent() ? timelineNotKept(id)
                : new RunNotFoundException(id));
        RunView view = run.view();
        if (view.startedAt() == null) {
            throw new RunNotStartedException(view);
        }
        return run;
    }


    private static ErrorResponseException timelineNotKept(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Run " + id + " is kept, but "
                + "its timeline is not: timelines stay in memory with the last lab.limits.retained-runs runs and are "
                + "not kept across restarts. GET /api/runs/" + id + " has its result.");
        problem.setTitle("Timeline not kept");
        problem.setProperty("runId", id);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
