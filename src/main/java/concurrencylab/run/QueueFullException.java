package concurrencylab.run;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 with Retry-After: every runner is busy and the queue of waiting runs is full. */
class QueueFullException extends ErrorResponseException {

    QueueFullException(int capacity, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(capacity), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem(int capacity) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "The run queue is full (" + capacity + " runs waiting, lab.limits.queue-capacity). "
                        + "Runs execute one at a time so that they do not spoil each other's measurements; retry later.");
        problem.setTitle("Run queue full");
        problem.setProperty("queueCapacity", capacity);
        return problem;
    }
}
