package concurrencylab.pages;

import concurrencylab.run.RunView;
import concurrencylab.run.Runs;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** A run's report page, {@code GET /runs/{id}} ({@code templates/report.mustache}): server-rendered; follows a running run through its SSE stream. */
@Hidden
@Controller
class ReportPage {

    private final Runs runs;
    private final JsonMapper json;
    /** Times are shown in the service's zone: the lab runs on its reader's machine. */
    private final ZoneId zone = ZoneId.systemDefault();

    ReportPage(Runs runs, JsonMapper json) {
        this.runs = runs;
        this.json = json;
    }

    @GetMapping(path = "/runs/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView report(@PathVariable String id) {
        RunView run = runs.find(id).orElseThrow(() -> notFound(id));
        String details = run.result() == null || run.result().details() == null ? null
                : json.writerWithDefaultPrettyPrinter().writeValueAsString(run.result().details());
        return new ModelAndView("report", Map.of("page", ReportModel.of(run, runs.timeline(id).orElse(null),
                runs.resultPicture(run).orElse(null),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(run.params()), details, runs.loopParts(id),
                zone, Instant.now())));
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No run has id " + id
                + " (the run store forgets runs beyond lab.retention.max-runs and lab.retention.max-age). The latest are "
                + "listed at /.");
        problem.setTitle("Run not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
