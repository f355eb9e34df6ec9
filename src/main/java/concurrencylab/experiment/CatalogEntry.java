package concurrencylab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * One experiment as {@code GET /api/experiments} shows it.
 *
 * @param kind       the name in URLs
 * @param title      a short title
 * @param summary    what it does and shows
 * @param claims     the claims it tests
 * @param endpoint   where to POST its parameters
 * @param parameters every parameter with its default and range
 * @param example    a request body with every default filled in
 * @param rules      what the parameters must satisfy together, beyond each one's range (absent when nothing)
 * @param available  whether this service can run it (false: a run answers 503, and limitations say why)
 * @param limitations what this service cannot do of it, one sentence each (absent when nothing)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CatalogEntry(String kind, String title, String summary, List<ClaimRef> claims, String endpoint,
        List<ParamSpec> parameters, List<String> rules, Record example, @JsonInclude(JsonInclude.Include.ALWAYS) boolean available,
        List<String> limitations) {

    /** The id of an experiment's operation in the OpenAPI document (and so in Swagger UI's links): its kind, _ for -. */
    public static String operationIdOf(String kind) {
        return kind.replace("-", "_");
    }

    /** A claim's id and statement. */
    public record ClaimRef(String id, String statement) {
    }

    static CatalogEntry of(Experiment<?> experiment, LabLimits limits) {
        Record defaults = experiment.defaults();
        RecordComponent[] components = experiment.paramsType().getRecordComponents();
        List<ParamSpec> parameters = Arrays.stream(components).map(c -> ParamSpec.of(c, defaults, limits)).toList();
        List<ClaimRef> claims = experiment.claims().stream().map(c -> new ClaimRef(c.name(), c.statement())).toList();
        return new CatalogEntry(experiment.kind(), experiment.title(), experiment.summary(), claims,
                "/api/experiments/" + experiment.kind(), parameters,
                experiment.rules(limits).stream().map(ParamRule::statement).toList(), defaults, experiment.unavailable().isEmpty(),
                experiment.limitations());
    }
}
