package concurrencylab.experiment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog. Starting a run is the run machinery's ({@code POST /api/experiments/{kind}}, in {@code run/}). */
@RestController
@RequestMapping("/api/experiments")
@Tag(name = "Experiments", description = "Start an experiment: each POST queues a run and answers with it.")
class ExperimentController {

    private final ExperimentCatalog catalog;
    private final LabLimits limits;

    ExperimentController(ExperimentCatalog catalog, LabLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
    }

    /** The catalog: every experiment with its claims and parameters, and the limits in force. */
    record Catalog(List<CatalogEntry> experiments, LabLimits limits) {
    }

    @GetMapping
    @Operation(summary = "The catalog: every experiment, the claims it shows, its parameters with defaults and ranges, and the limits")
    Catalog catalog() {
        return new Catalog(catalog.entries(), limits);
    }

    @GetMapping("/{kind}")
    @Operation(summary = "One experiment's catalog entry")
    CatalogEntry entry(@PathVariable String kind) {
        return catalog.entry(kind).orElseThrow(() -> new UnknownExperimentException(kind, catalog.kinds()));
    }
}
