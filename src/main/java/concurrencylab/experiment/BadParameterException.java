package concurrencylab.experiment;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 for one bad request parameter, in the same shape as a body field error. */
public class BadParameterException extends ErrorResponseException {

    public BadParameterException(String field, Object rejectedValue, String allowed, String message) {
        super(HttpStatus.BAD_REQUEST, problem(field, rejectedValue, allowed, message), null);
    }

    private static ProblemDetail problem(String field, Object rejectedValue, String allowed, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Invalid request");
        var error = new java.util.LinkedHashMap<String, Object>();
        error.put("field", field);
        error.put("rejectedValue", rejectedValue);
        error.put("message", message);
        if (allowed != null) {
            error.put("allowed", allowed);
        }
        problem.setProperty("errors", List.of(error));
        return problem;
    }
}
