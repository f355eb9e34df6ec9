package concurrencylab.memory;

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

/** POST /api/experiments/shared-memory (its summary and example come from the catalog, see OpenApiFromCatalog). */
@RestController
@Tag(name = "Experiments")
class SharedMemoryController {

    private final RunLauncher launcher;
    private final SharedMemoryExperiment experiment;

    SharedMemoryController(RunLauncher launcher, SharedMemoryExperiment experiment) {
        this.launcher = launcher;
        this.experiment = experiment;
    }

    @ExperimentResponses
    @PostMapping("/api/experiments/shared-memory")
    ResponseEntity<RunView> start(@Valid @RequestBody(required = false) SharedMemoryParams params,
            @ParameterObject LaunchOptions options) {
        return launcher.launch(experiment, params, options);
    }
}
