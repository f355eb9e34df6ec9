package concurrencylab.run;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: a finished run cannot be cancelled. */
class RunAlreadyFinishedException extends ErrorResponseException {

    RunAlreadyFinishedException(RunView run) {
        super(HttpStatus.CONFLICT, problem(run), null);
    }

    private static ProblemDetail problem(RunView run) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Run " + run.id() + " already finished as " + run.status() + "; only QUEUED or RUNNING runs can be cancelled.");
        problem.setTitle("Run already finished");
        problem.setProperty("runId", run.id());
        problem.setProperty("status", run.status());
        return problem;
    }
}
