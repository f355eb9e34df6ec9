package concurrencylab.run;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no run has this id (or it was finished long ago and forgotten). */
class RunNotFoundException extends ErrorResponseException {

    RunNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No run has id '" + id + "'. GET /api/runs lists the runs this service remembers.");
        problem.setTitle("Run not found");
        problem.setProperty("runId", id);
        return problem;
    }
}
