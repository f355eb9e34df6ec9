package concurrencylab.experiment;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every experiment bean, by kind, and their catalog entries. */
@Component
public class ExperimentCatalog {

    private final Map<String, Experiment<?>> byKind = new LinkedHashMap<>();
    private final List<CatalogEntry> entries;

    public ExperimentCatalog(List<Experiment<?>> experiments, LabLimits limits) {
        experiments.stream().sorted(Comparator.comparing(Experiment::kind)).forEach(e -> {
            if (byKind.putIfAbsent(e.kind(), e) != null) {
                throw new IllegalStateException("two experiments of kind " + e.kind());
            }
        });
        entries = byKind.values().stream().map(e -> CatalogEntry.of(e, limits)).toList();
    }

    public Optional<Experiment<?>> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
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
