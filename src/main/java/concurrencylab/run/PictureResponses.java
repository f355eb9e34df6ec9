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

/** The refusals a run's result picture can give, for its OpenAPI description. */
@Documented
@Target(METHOD)
@Retention(RUNTIME)
@ApiResponses({
        @ApiResponse(responseCode = "404", description = "No run has this id, or its experiment draws no picture of its result (only compare does)",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(responseCode = "409", description = "The run has no result (yet): queued, running, or it failed",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
})
public @interface PictureResponses {
}
