package concurrencylab.run;

import concurrencylab.experiment.BadParameterException;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentUnavailableException;
import concurrencylab.experiment.LabLimits;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What the experiment endpoint does once a body is read and validated: queue the run, optionally wait for it,
 * and answer 202 (or 200 when it finished within the wait) with Location: /api/runs/{id}.
 */
@Component
class RunLauncher {

    private final RunService runs;
    private final LabLimits limits;

    RunLauncher(RunService runs, LabLimits limits) {
        this.runs = runs;
        this.limits = limits;
    }

    /** Starts a run; {@code params} (of the experiment's own record type) null means every default. */
    ResponseEntity<RunView> launch(Experiment<?> experiment, Record params, LaunchOptions options) {
        Duration wait = parse("wait", options.getWait(), Duration.ZERO, limits.maxWait(), Duration.ZERO);
        Duration timeout = parse("timeout", options.getTimeout(), Duration.ofSeconds(1), limits.maxTimeout(),
                limits.defaultTimeout());
        Run run = submit(experiment, params, timeout);
        boolean ended = wait.isPositive() && RunService.awaitEnd(run, wait);
        return ResponseEntity.status(ended ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/runs/" + run.id))
                .body(run.view());
    }

    private <P extends Record> Run submit(Experiment<P> experiment, Record params, Duration timeout) {
        P p = params != null ? experiment.paramsType().cast(params) : experiment.defaults();
        experiment.unavailable().ifPresent(reason -> {
            throw new ExperimentUnavailableException(experiment.kind(), reason);
        });
        experiment.validate(p, limits);
        return runs.submit(experiment, p, timeout);
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
