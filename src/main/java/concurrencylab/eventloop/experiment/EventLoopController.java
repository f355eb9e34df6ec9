package concurrencylab.eventloop.experiment;

import concurrencylab.experiment.BadParameterException;
import concurrencylab.experiment.LabLimits;
import concurrencylab.run.ExperimentResponses;
import concurrencylab.run.LaunchOptions;
import concurrencylab.run.RunLauncher;
import concurrencylab.run.RunView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/experiments/event-loop (its summary and example come from the catalog, see OpenApiFromCatalog). */
@RestController
@Tag(name = "Experiments")
class EventLoopController {

    /** Requests one run may make in all. */
    static final long MAX_REQUESTS = 1_000_000;

    private final RunLauncher launcher;
    private final EventLoopExperiment experiment;
    private final LabLimits limits;

    EventLoopController(RunLauncher launcher, EventLoopExperiment experiment, LabLimits limits) {
        this.launcher = launcher;
        this.experiment = experiment;
        this.limits = limits;
    }

    @ExperimentResponses
    @PostMapping("/api/experiments/event-loop")
    ResponseEntity<RunView> start(@Valid @RequestBody(required = false) EventLoopParams params,
            @ParameterObject LaunchOptions options) {
        EventLoopParams p = params != null ? params : experiment.defaults();
        if (p.mode() != EventLoopMode.SLEEP && p.clients() > limits.maxOpenConnections()) {
            throw new BadParameterException("clients", p.clients(), "1.." + limits.maxOpenConnections(),
                    "with sockets (mode echo or blocking) at most lab.limits.max-open-connections = "
                            + limits.maxOpenConnections() + " clients; mode sleep takes up to " + limits.maxTasks());
        }
        if ((long) p.clients() * p.requestsPerClient() > MAX_REQUESTS) {
            throw new BadParameterException("requestsPerClient", p.requestsPerClient(),
                    "1.." + Math.max(1, MAX_REQUESTS / p.clients()), "clients x requestsPerClient may be at most "
                            + MAX_REQUESTS + " (every request's latency is kept for the percentiles)");
        }
        return launcher.launch(experiment, params, options);
    }
}
