package concurrencylab.run;

import concurrencylab.experiment.BadParameterException;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentCatalog;
import concurrencylab.experiment.ResultPicture;
import concurrencylab.timeline.StepRecord;
import concurrencylab.timeline.TimelineSnapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a run recorded: its timeline as a picture (SVG, PNG) and as a trace for Perfetto, its result's picture, and the
 * event loop's passes step by step.
 */
@RestController
@RequestMapping("/api/runs")
@Tag(name = "Runs")
class RunTimelineController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    /** Most loop passes one answer carries. */
    static final int MAX_PASSES_PER_PAGE = 1000;
    private static final String PART = "Only this part of the run (compare: a cell, e.g. threads/cpu, as the matrix "
            + "links it)";

    private final RunService runs;
    private final ExperimentCatalog catalog;

    RunTimelineController(RunService runs, ExperimentCatalog catalog) {
        this.runs = runs;
        this.catalog = catalog;
    }

    @GetMapping(path = "/{id}/timeline.svg", produces = "image/svg+xml")
    @ApiResponse(responseCode = "200", description = "The picture: a row per lane, a colour per state, marks, counters, "
            + "a time axis in ms and the verdicts as a caption", content = @Content(mediaType = "image/svg+xml"))
    @TimelineResponses
    @Operation(summary = "A run's timeline as a picture (SVG)",
            description = "What every thread, worker process, coroutine or client did, drawn by the service: GIL "
                    + "hold/wait/I/O, queue waits, loop passes, spawns, requests. While the run is running, what it "
                    + "recorded so far; a failed run keeps what it recorded up to the failure.")
    ResponseEntity<String> timeline(@PathVariable String id,
            @Parameter(description = PART) @RequestParam(required = false) String cell) {
        Run run = started(id);
        return ResponseEntity.ok().contentType(SVG).body(RunPicture.svg(run, snapshot(run, cell), cell));
    }

    @GetMapping(path = "/{id}/timeline.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ApiResponse(responseCode = "200", description = "The same picture as timeline.svg, as PNG",
            content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
    @TimelineResponses
    @Operation(summary = "A run's timeline as a picture (PNG): the one to try here",
            description = "The same picture as timeline.svg. Swagger UI shows a PNG answer as a picture (an SVG "
                    + "answer it prints as text): try it with the id of a finished run.")
    ResponseEntity<byte[]> timelinePng(@PathVariable String id,
            @Parameter(description = PART) @RequestParam(required = false) String cell) {
        Run run = started(id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(RunPicture.png(run, snapshot(run, cell), cell));
    }

    @GetMapping(path = "/{id}/trace", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "Chrome's Trace Event Format (JSON object with traceEvents): "
            + "open it in https://ui.perfetto.dev or chrome://tracing")
    @TimelineResponses
    @Operation(summary = "A run's timeline as a trace for Perfetto UI or chrome://tracing",
            description = "Lane groups are processes, lanes are threads; states are complete events (ph X), marks "
                    + "instants (ph i), CPU shares and tasks in flight counters (ph C); times in microseconds from "
                    + "the run's start. Downloads as a file named after the experiment and its start time.")
    void trace(@PathVariable String id, @Parameter(description = PART) @RequestParam(required = false) String cell,
            HttpServletResponse response) throws IOException {
        Run run = started(id);
        TimelineSnapshot snapshot = snapshot(run, cell);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(RunPicture.traceFileName(run.view())).build().toString());
        RunPicture.trace(run, snapshot, response.getWriter());
    }

    @GetMapping(path = {"/{id}/picture.svg", "/{id}/matrix.svg"}, produces = "image/svg+xml")
    @ApiResponse(responseCode = "200", description = "The picture the run's experiment draws of its result: for a "
            + "compare run the matrix, models as rows, workloads as columns, each cell coloured by its speedup (or, for "
            + "mixed, its I/O latency ratio) with the numbers in it and a link to the cell's own timeline; the verdicts "
            + "under it", content = @Content(mediaType = "image/svg+xml"))
    @PictureResponses
    @Operation(summary = "A run's result as a picture (SVG): a compare run's matrix",
            description = "Drawn by the service from the run's result, by the experiment that ran it; only compare draws "
                    + "one today. Kept as long as the run is (from the run store too). matrix.svg is its older name "
                    + "and answers the same.")
    ResponseEntity<String> picture(@PathVariable String id) {
        return ResponseEntity.ok().contentType(SVG).body(pictureOf(id).svg());
    }

    @GetMapping(path = {"/{id}/picture.png", "/{id}/matrix.png"}, produces = MediaType.IMAGE_PNG_VALUE)
    @ApiResponse(responseCode = "200", description = "The same picture as picture.svg, as PNG",
            content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
    @PictureResponses
    @Operation(summary = "A run's result as a picture (PNG): the one to try here",
            description = "The same picture as picture.svg. Swagger UI shows a PNG answer as a picture (an SVG answer "
                    + "it prints as text): try it with the id of a finished compare run. matrix.png is its older name.")
    ResponseEntity<byte[]> picturePng(@PathVariable String id) {
        ResultPicture picture = pictureOf(id);
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(picture.png());
        } catch (RuntimeException | LinkageError e) {
            throw RunPicture.pngUnavailable(e, "/api/runs/" + id + "/picture.svg");
        }
    }

    /** The run's result picture: 404 when there is no such run or it draws none, 409 while it has no result. */
    private ResultPicture pictureOf(String id) {
        RunView view = runs.view(id).orElseThrow(() -> new RunNotFoundException(id));
        Experiment<?> experiment = catalog.find(view.experiment()).orElseThrow(() -> noPicture(view));
        if (view.result() == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Run " + id + " is "
                    + view.status() + " and has no result" + (view.status().isFinished() ? "" : " yet: ask again "
                    + "when it has finished (follow " + view.links().events() + ")") + ".");
            problem.setTitle("No result to draw");
            problem.setProperty("status", view.status());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return experiment.resultPicture(view.result()).orElseThrow(() -> noPicture(view));
    }

    private static ErrorResponseException noPicture(RunView view) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Run " + view.id() + " is a "
                + view.experiment() + " run, whose experiment draws no picture of its result (compare draws its "
                + "matrix). Its timeline is at " + view.links().timeline() + ".");
        problem.setTitle("No result picture");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    @GetMapping(path = "/{id}/loop", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "The loop's recorded passes from index 'from' on: for each, its "
            + "index and start (atMs), the ready queue as it started, its select (timeoutMs and why, blockedMs, the "
            + "sockets the OS was watching and those it reported ready), the timers that came due, every callback it "
            + "ran and for how long, every task that parked and on what, the tasks it woke, and the await tree as it "
            + "ended (tasks). total: passes the loop made; recorded: passes kept; dropped: the rest.")
    @TimelineResponses
    @Operation(summary = "An event-loop run's passes, step by step",
            description = "What the loop did on each pass, as the concept notes describe one: take the ready tasks, "
                    + "run each until it reaches I/O, park it and ask the OS to watch its socket, and on every pass "
                    + "check which I/O has finished and wake the tasks waiting for it. Kept with the timeline, within "
                    + "its budget: the first passes, the last ones and the slow ones. event-loop runs record their loop, sockets "
                    + "runs their event-loop server's, compare runs one per coroutine cell (?cell=).")
    LoopPage loop(@PathVariable String id,
            @Parameter(description = "Which cell's loop, for a compare run (e.g. coroutines/io); event-loop and "
                    + "sockets runs have one loop and need none")
            @RequestParam(required = false) String cell,
            @Parameter(description = "The first pass index to answer with (passes count from 1)")
            @RequestParam(defaultValue = "0") long from,
            @Parameter(description = "At most this many passes, 1 to " + MAX_PASSES_PER_PAGE)
            @RequestParam(defaultValue = "100") int limit) {
        if (from < 0) {
            throw new BadParameterException("from", from, "0..", "a pass index: 0 or more");
        }
        if (limit < 1 || limit > MAX_PASSES_PER_PAGE) {
            throw new BadParameterException("limit", limit, "1.." + MAX_PASSES_PER_PAGE, "passes per answer");
        }
        Run run = started(id);
        LoopRecords.Found loop = LoopRecords.find(id, run.experiment.kind(), run.timeline(), cell);
        return LoopPage.of(loop.part(), loop.record().page(from, limit));
    }

    /**
     * One page of a loop's passes.
     *
     * @param cell       the compare cell the loop ran in; null for a loop of the whole run
     * @param total      passes the loop made
     * @param recorded   passes kept
     * @param dropped    passes made and not kept
     * @param kept       which passes are kept, in words
     * @param iterations the kept passes from the asked index on
     */
    record LoopPage(String cell, long total, long recorded, long dropped, String kept, List<?> iterations) {

        static LoopPage of(String part, StepRecord.Page page) {
            return new LoopPage(part.isEmpty() ? null : part, page.total(), page.recorded(), page.dropped(),
                    page.kept(), page.steps());
        }
    }

    /** The run's timeline, or one part of it (404 naming the parts there are). */
    private static TimelineSnapshot snapshot(Run run, String cell) {
        TimelineSnapshot all = run.timelineSnapshot();
        if (cell == null || cell.isBlank()) {
            return all;
        }
        List<String> parts = all.sections().stream().map(TimelineSnapshot.Section::name).toList();
        return CellNames.match(parts, cell).flatMap(all::section).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Run " + run.id
                    + " has no part named '" + cell + "'" + (parts.isEmpty() ? ": it has no parts."
                    : "; its parts are: " + String.join(", ", parts) + "."));
            problem.setTitle("No such part of the run");
            problem.setProperty("parts", parts);
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
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
