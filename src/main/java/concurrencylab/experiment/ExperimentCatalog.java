package concurrencylab.experiment;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every experiment bean, by kind, and their catalog entries. */
@Component
public class ExperimentCatalog {

    private final Map<String, Experiment<?>> byKind = new LinkedHashMap<>();
    private final List<CatalogEntry> entries;

    public ExperimentCatalog(List<Experiment<?>> experiments, LabLimits limits, Validator validator) {
        experiments.stream().sorted(Comparator.comparing(Experiment::kind)).forEach(e -> {
            if (byKind.putIfAbsent(e.kind(), e) != null) {
                throw new IllegalStateException("two experiments of kind " + e.kind());
            }
            requireValidDefaults(e, validator);
        });
        entries = byKind.values().stream().map(e -> CatalogEntry.of(e, limits)).toList();
    }

    /** A request with no body runs the defaults, so they must fit the configured limits: refuse to start if not. */
    private static void requireValidDefaults(Experiment<?> experiment, Validator validator) {
        Set<ConstraintViolation<Record>> violations = validator.validate(experiment.defaults());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The defaults of experiment '" + experiment.kind() + "' break the configured "
                    + "lab.limits: " + violations.stream().map(v -> v.getPropertyPath() + "=" + v.getInvalidValue() + " "
                    + v.getMessage()).sorted().collect(Collectors.joining("; ")) + ". Raise that limit.");
        }
    }

    public Optional<Experiment<?>> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The experiment of this kind, or a 404 that lists the known kinds. */
    public Experiment<?> require(String kind) {
        return find(kind).orElseThrow(() -> new UnknownExperimentException(kind, kinds()));
    }

    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    public Optional<CatalogEntry> entry(String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).findFirst();
    }
}
