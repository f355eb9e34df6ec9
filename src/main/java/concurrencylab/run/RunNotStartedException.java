package concurrencylab.run;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: a queued run has recorded nothing yet. */
class RunNotStartedException extends ErrorResponseException {

    RunNotStartedException(RunView run) {
        super(HttpStatus.CONFLICT, problem(run), null);
    }

    private static ProblemDetail problem(RunView run) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Run " + run.id()
                + " is still QUEUED behind other runs: it has no timeline yet. Follow " + run.links().events()
                + " and ask again once it is RUNNING or finished.");
        problem.setTitle("Run not started yet");
        problem.setProperty("runId", run.id());
        problem.setProperty("status", run.status());
        return problem;
    }
}
