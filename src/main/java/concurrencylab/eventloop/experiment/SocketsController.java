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

/** POST /api/experiments/sockets (its summary and example come from the catalog, see OpenApiFromCatalog). */
@RestController
@Tag(name = "Experiments")
class SocketsController {

    /** Requests one run may make in all. */
    static final long MAX_REQUESTS = 1_000_000;

    private final RunLauncher launcher;
    private final SocketsExperiment experiment;
    private final LabLimits limits;

    SocketsController(RunLauncher launcher, SocketsExperiment experiment, LabLimits limits) {
        this.launcher = launcher;
        this.experiment = experiment;
        this.limits = limits;
    }

    @ExperimentResponses
    @PostMapping("/api/experiments/sockets")
    ResponseEntity<RunView> start(@Valid @RequestBody(required = false) SocketsParams params,
            @ParameterObject LaunchOptions options) {
        SocketsParams p = params != null ? params : experiment.defaults();
        int most = p.threads() == ClientThreads.PLATFORM
                ? Math.min(limits.maxThreads(), limits.maxOpenConnections()) : limits.maxOpenConnections();
        if (p.clients() > most) {
            throw new BadParameterException("clients", p.clients(), "1.." + most, "at most " + most + " clients with "
                    + p.threads().name().toLowerCase(java.util.Locale.ROOT) + " client threads (lab.limits.max-threads "
                    + "bounds platform threads, lab.limits.max-open-connections every connection)");
        }
        if ((long) p.clients() * p.requestsPerClient() > MAX_REQUESTS) {
            throw new BadParameterException("requestsPerClient", p.requestsPerClient(),
                    "1.." + Math.max(1, MAX_REQUESTS / p.clients()), "clients x requestsPerClient may be at most "
                            + MAX_REQUESTS + " (every request's latency is kept for the percentiles)");
        }
        return launcher.launch(experiment, params, options);
    }
}
