package concurrencylab.run;

import concurrencylab.experiment.BadParameterException;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentCatalog;
import concurrencylab.experiment.LabLimits;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/experiments/{kind}}: the one place that turns HTTP into runs, for every experiment in the
 * catalog. The body is read as that experiment's own parameter record ({@link ParamsBodyResolver}) and validated
 * like any {@code @Valid} body; then {@link RunService#submit} applies the launch rules (defaults, availability,
 * validation: {@link LaunchRules}, the same for the lab's pages) and queues the run. The answer is 202 (or 200 when it
 * finished within {@code ?wait=}) with {@code Location: /api/runs/{id}}. The OpenAPI document shows one operation per experiment
 * (OpenApiFromCatalog).
 */
@RestController
@Tag(name = "Experiments")
class RunLauncher {

    /** Where every experiment is started; {@code {kind}} names the experiment. */
    static final String RUN_PATH = "/api/experiments/{kind}";

    private final ExperimentCatalog catalog;
    private final RunService runs;
    private final LabLimits limits;

    RunLauncher(ExperimentCatalog catalog, RunService runs, LabLimits limits) {
        this.catalog = catalog;
        this.runs = runs;
        this.limits = limits;
    }

    @ExperimentResponses
    @PostMapping(RUN_PATH)
    ResponseEntity<RunView> start(@PathVariable String kind, @Valid @RequestBody(required = false) Record params,
            @ParameterObject LaunchOptions options) {
        Experiment<?> experiment = catalog.require(kind);
        Duration wait = parse("wait", options.getWait(), Duration.ZERO, limits.maxWait(), Duration.ZERO);
        Duration timeout = parse("timeout", options.getTimeout(), Duration.ofSeconds(1), limits.maxTimeout(),
                limits.defaultTimeout());
        Run run = runs.submit(experiment, params, timeout);
        boolean ended = wait.isPositive() && RunService.awaitEnd(run, wait);
        return ResponseEntity.status(ended ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/runs/" + run.id))
                .body(run.view());
    }

    /** Parses "30s", "2m", "PT30S" or a bare number of seconds, within [min, max]. */
    static Duration parse(String name, String value, Duration min, Duration max, Duration absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(value.trim(), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(name, value, range(min, max),
                    "must be a duration such as 30s, 2m or PT1M");
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw new BadParameterException(name, value, range(min, max),
                    "must be between " + format(min) + " and " + format(max));
        }
        return parsed;
    }

    private static String range(Duration min, Duration max) {
        return format(min) + ".." + format(max);
    }

    private static String format(Duration duration) {
        return DurationStyle.SIMPLE.print(duration, ChronoUnit.SECONDS);
    }
}
