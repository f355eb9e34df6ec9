package concurrencylab.run;

import concurrencylab.experiment.ExperimentCatalog;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/experiments/{kind}}: the one place that turns HTTP into runs, for every experiment in the
 * catalog. The body is read as that experiment's own parameter record ({@link ParamsBodyResolver}) and validated
 * like any {@code @Valid} body; the OpenAPI document shows one operation per experiment (OpenApiFromCatalog).
 */
@RestController
@Tag(name = "Experiments")
class ExperimentEndpoint {

    private final ExperimentCatalog catalog;
    private final RunLauncher launcher;

    ExperimentEndpoint(ExperimentCatalog catalog, RunLauncher launcher) {
        this.catalog = catalog;
        this.launcher = launcher;
    }

    @ExperimentResponses
    @PostMapping(RUN_PATH)
    ResponseEntity<RunView> start(@PathVariable String kind, @Valid @RequestBody(required = false) Record params,
            @ParameterObject LaunchOptions options) {
        return launcher.launch(catalog.require(kind), params, options);
    }

    /** Where every experiment is started; its {@code {kind}} names the experiment. */
    static final String RUN_PATH = "/api/experiments/{kind}";
}
