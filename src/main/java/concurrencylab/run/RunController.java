package concurrencylab.run;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** The runs: list, look at, cancel, follow. */
@RestController
@RequestMapping("/api/runs")
@Tag(name = "Runs", description = "Every experiment request becomes a run: queued, executed one at a time, then kept for a while.")
class RunController {

    private final RunService runs;
    private final RunEvents events;
    private final JsonMapper json;

    RunController(RunService runs, RunEvents events, JsonMapper json) {
        this.runs = runs;
        this.events = events;
        this.json = json;
    }

    /** A page of runs, newest first. */
    record RunPage(List<RunView> runs, int limit) {
    }

    @GetMapping
    @Operation(summary = "List runs, newest first", description = "Optionally only one experiment and/or status.")
    RunPage list(
            @Parameter(description = "Only runs of this experiment kind, e.g. threads") @RequestParam(required = false) String experiment,
            @Parameter(description = "Only runs in this status") @RequestParam(required = false) RunStatus status,
            @Parameter(description = "At most this many runs (1..100)") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return new RunPage(runs.views(experiment, status, limit), limit);
    }

    static final String CSV = "text/csv";

    @GetMapping(produces = CSV)
    @Operation(summary = "List runs as CSV, for a spreadsheet",
            description = "With Accept: text/csv or ?format=csv: one row per run (id, experiment, status, times, wall "
                    + "seconds, speedup, cores busy, each claim's outcome, params as JSON, error), newest first, the "
                    + "same filters as the JSON list.")
    ResponseEntity<String> csv(@RequestParam(required = false) String experiment,
            @RequestParam(required = false) RunStatus status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("concurrency-lab-runs.csv").build().toString())
                .body(RunCsv.of(runs.views(experiment, status, limit), json));
    }

    @GetMapping(params = "format=csv")
    @Operation(summary = "List runs as CSV (?format=csv)", description = "As with Accept: text/csv.")
    ResponseEntity<String> csvByQuery(@RequestParam(required = false) String experiment,
            @RequestParam(required = false) RunStatus status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
        return csv(experiment, status, limit);
    }

    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "The run")
    @ApiResponse(responseCode = "404", description = "No run has this id (or the run store forgot it: lab.retention.max-runs, lab.retention.max-age)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @Operation(summary = "One run: status, progress, environment and, once it succeeded, its result")
    RunView get(@PathVariable String id) {
        return runs.view(id).orElseThrow(() -> new RunNotFoundException(id));
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "The run, normally CANCELLED by now")
    @ApiResponse(responseCode = "404", description = "No run has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The run had already finished",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @Operation(summary = "Cancel a queued or running run",
            description = "Stops it within about a second and answers with the run. 409 if it had already finished.")
    RunView cancel(@PathVariable String id) {
        return runs.cancel(id).view();
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow a run as server-sent events",
            description = "A 'status' event with the whole run now and at each status change, 'progress' events "
                    + "({done, total}) at most every 100 ms; the stream ends after the final status.")
    SseEmitter events(@PathVariable String id) {
        return events.subscribe(find(id));
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> new RunNotFoundException(id));
    }
}
