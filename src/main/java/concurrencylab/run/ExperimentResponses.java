package concurrencylab.run;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/** The answers every experiment's POST can give, for its OpenAPI description. */
@Documented
@Target(METHOD)
@Retention(RUNTIME)
@ApiResponses({
        @ApiResponse(responseCode = "202", description = "Accepted: the run, queued or running; follow it at the Location",
                headers = @Header(name = "Location", description = "/api/runs/{id}"),
                content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunView.class))),
        @ApiResponse(responseCode = "200", description = "With ?wait=: the run finished in time; here it is, result included",
                headers = @Header(name = "Location", description = "/api/runs/{id}"),
                content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunView.class))),
        @ApiResponse(responseCode = "400", description = "A parameter out of range, of the wrong type or unknown, or "
                + "malformed JSON; errors[] names each field, the rejected value and what is allowed",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(responseCode = "413", description = "The body is larger than 64 KiB",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(responseCode = "429", description = "The run queue is full; retry after Retry-After seconds",
                headers = @Header(name = "Retry-After", description = "seconds"),
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(responseCode = "503", description = "This service cannot run the experiment (or these parameters) "
                + "as it was started, e.g. the event loop without its JVM option; the detail says how to fix it, and "
                + "the catalog lists it under limitations",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
})
public @interface ExperimentResponses {
}
