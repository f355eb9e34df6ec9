package concurrencylab.run;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/** The refusals every view of a run's timeline can give, for its OpenAPI description. */
@Documented
@Target(METHOD)
@Retention(RUNTIME)
@ApiResponses({
        @ApiResponse(responseCode = "404", description = "No run has this id",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(responseCode = "409", description = "The run is still queued: nothing recorded yet",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
})
public @interface TimelineResponses {
}
