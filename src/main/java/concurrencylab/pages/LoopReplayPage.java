package concurrencylab.pages;

import concurrencylab.run.RunView;
import concurrencylab.run.Runs;
import concurrencylab.timeline.StepRecord;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loop's replay, {@code GET /runs/{id}/loop}: an event-loop run's recorded passes, one at a time, as the concept
 * notes draw a pass (the ready queue, the select and the sockets the OS watches, the timers, the callbacks, the
 * parked tasks), with step, play and a slider (loop-replay.js); without JavaScript, the passes as a table.
 */
@Hidden
@RestController
class LoopReplayPage {

    /** Most passes one page carries (the record keeps more only for very long runs; the JSON API pages on). */
    static final int MAX_PASSES = 1000;

    private final Runs runs;
    private final JsonMapper json;

    LoopReplayPage(Runs runs, JsonMapper json) {
        this.runs = runs;
        this.json = json;
    }

    @GetMapping(path = "/runs/{id}/loop", produces = MediaType.TEXT_HTML_VALUE)
    String replay(@PathVariable String id) {
        RunView run = runs.find(id).orElseThrow(() -> notFound(id, "No run has id " + id + "."));
        StepRecord record = runs.stepRecord(id, "loop").orElseThrow(() -> notFound(id, "Run " + id + " ("
                + run.experiment() + ") kept no record of an event loop's passes: event-loop runs keep one while "
                + "their timeline is kept (the latest runs, in memory). Its report is at /runs/" + id + "."));
        StepRecord.Page page = record.page(0, MAX_PASSES);
        return LoopReplayHtml.html(run, page, json.valueToTree(page.steps()));
    }

    private static ErrorResponseException notFound(String id, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("No loop to replay");
        problem.setProperty("runId", id);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
