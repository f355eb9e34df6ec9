package concurrencylab.experiment;

import java.util.List;
import java.util.Optional;

/**
 * One kind of experiment. Implementations are Spring beans; the catalog and the run machinery know
 * experiments only through this interface.
 *
 * <p>Parameters are a record whose components are all nullable: a null component means "use the default",
 * and the record's compact constructor replaces it by that default. So {@code {}} in JSON is a run with
 * every default, and {@link #defaults()} is the record built from nulls. Numeric components carry
 * {@link Bounded}; descriptions come from {@code @Schema(description = ...)}.
 *
 * @param <P> the parameter record
 */
public interface Experiment<P extends Record> {

    /** The URL name, e.g. "virtual-threads". */
    String kind();

    String title();

    /** What the experiment does and shows, in a sentence or two a student understands. */
    String summary();

    List<Claim> claims();

    Class<P> paramsType();

    /** Low-cardinality metric tags for a run with these parameters. */
    RunTags tags(P params);

    /**
     * Executes one run on the calling thread and returns what it measured. Must stop promptly (throwing) when
     * the calling thread is interrupted or {@link RunContext#isStopRequested()} turns true, and must leave no
     * thread, socket or process behind however it ends.
     */
    ExperimentResult run(P params, RunContext context) throws Exception;

    /** Rules over combinations of parameters; the catalog and Swagger UI show them, {@link #validate} enforces them. */
    default List<ParamRule<P>> rules(LabLimits limits) {
        return List.of();
    }

    /**
     * Checks what the per-field ranges cannot: the {@link #rules}, and what this machine can do for these parameters.
     * Throws {@link BadParameterException} (400, naming the field) or {@link ExperimentUnavailableException} (503,
     * when this service cannot run them at all). Called before a run is queued; an override calls this one too.
     */
    default void validate(P params, LabLimits limits) {
        rules(limits).forEach(rule -> rule.check(params));
    }

    /** Why this service cannot run this experiment at all (the catalog says so, and a run answers 503), or empty. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** What this service cannot do of this experiment, one sentence each, for the catalog; none by default. */
    default List<String> limitations() {
        return unavailable().map(List::of).orElse(List.of());
    }

    default P defaults() {
        return RecordDefaults.of(paramsType());
    }
}
