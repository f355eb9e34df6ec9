package concurrencylab.experiment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503: this service cannot run the experiment (or these parameters of it) as it was started, e.g. without the JVM
 * option the event loop's coroutines need. Not the client's fault, and not a failure of a run: the run is refused.
 */
public class ExperimentUnavailableException extends ErrorResponseException {

    public ExperimentUnavailableException(String kind, String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(kind, reason), null);
    }

    private static ProblemDetail problem(String kind, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, reason);
        problem.setTitle("Experiment unavailable");
        problem.setProperty("kind", kind);
        return problem;
    }
}
