package concurrencylab.pages;

import concurrencylab.run.LoopRecords;
import concurrencylab.run.RunView;
import concurrencylab.run.Runs;
import concurrencylab.timeline.StepRecord;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loop's replay, {@code GET /runs/{id}/loop[?cell=]} ({@code templates/loop-replay.mustache}): an event-loop run's recorded passes, one at a time, as the concept
 * notes draw a pass (the ready queue, the select and the sockets the OS watches, the timers, the callbacks, the
 * parked tasks), with step, play and a slider (loop-replay.js); without JavaScript, the passes as a table.
 */
@Hidden
@Controller
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
    ModelAndView replay(@PathVariable String id, @RequestParam(required = false) String cell) {
        RunView run = runs.find(id).orElseThrow(() -> notFound(id, "No run has id " + id + "."));
        LoopRecords.Found loop = runs.loop(id, cell).orElseThrow(() -> notFound(id, "Run " + id + " ("
                + run.experiment() + ") is kept, but its timeline and loop record are not: they stay in memory with "
                + "the latest runs. Its report is at /runs/" + id + "."));
        StepRecord.Page page = loop.record().page(0, MAX_PASSES);
        return new ModelAndView("loop-replay", Map.of("page", LoopReplayModel.of(id, run.experiment(), loop.part(),
                runs.loopParts(id), page, json.valueToTree(page.steps()))));
    }

    private static ErrorResponseException notFound(String id, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("No loop to replay");
        problem.setProperty("runId", id);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
