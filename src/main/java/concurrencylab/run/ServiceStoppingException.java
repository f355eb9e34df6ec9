package concurrencylab.run;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503: the service is shutting down and takes no new runs. */
class ServiceStoppingException extends ErrorResponseException {

    ServiceStoppingException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The lab is shutting down and takes no new runs.");
        problem.setTitle("Service stopping");
        return problem;
    }
}
