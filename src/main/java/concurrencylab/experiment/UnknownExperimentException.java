package concurrencylab.experiment;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no experiment has this kind. */
class UnknownExperimentException extends ErrorResponseException {

    UnknownExperimentException(String kind, List<String> known) {
        super(HttpStatus.NOT_FOUND, problem(kind, known), null);
    }

    private static ProblemDetail problem(String kind, List<String> known) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No experiment is called '" + kind + "'. Known experiments: " + String.join(", ", known) + ".");
        problem.setTitle("Unknown experiment");
        problem.setProperty("kind", kind);
        problem.setProperty("knownKinds", known);
        return problem;
    }
}
