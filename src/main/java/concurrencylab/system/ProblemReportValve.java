package concurrencylab.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report, as problem+json instead of its HTML page: for the requests Tomcat rejects before Spring
 * sees them (an encoded slash or NUL in the path, a malformed escape, an invalid header, a request line or headers
 * too long). Every other error already has a problem+json body written by Spring, which this leaves alone.
 */
final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error " + status;
        String detail = status == 400
                ? "The request was rejected before it reached the service"
                        + (response.getMessage() == null ? "" : " (" + response.getMessage() + ")")
                        + ": a path must not hold an encoded slash or backslash, NUL or a malformed %-escape, headers "
                        + "must be printable, and the request line and headers must fit in 8 KB."
                : response.getMessage() != null ? response.getMessage() : title;
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getReporter().write(ProblemJson.body(status, title, detail, null));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing more to say
        }
    }
}
