package concurrencylab.experiment;

import java.util.List;
import java.util.Optional;

/**
 * One kind of experiment. Implementations are Spring beans; the catalog and the run machinery know
 * experiments only through this interface.
 *
 * <p>Parameters are a record whose components are all nullable: a null component means "use the default", which
 * the component declares once, in {@code @Schema(description = ..., defaultValue = ...)}, and {@link ParamDefaults}
 * fills in before a run sees the record. So {@code {}} in JSON is a run with every default, and {@link #defaults()}
 * is that record. Numeric components carry {@link Bounded}; rules over several components are {@link #rules}.
 *
 * @param <P> the parameter record
 */
public interface Experiment<P extends Record> {

    /** Its kind, parameter record, title, summary and claims. */
    About<P> about();

    /** The URL name, e.g. "virtual-threads". */
    default String kind() {
        return about().kind();
    }

    default String title() {
        return about().title();
    }

    default String summary() {
        return about().summary();
    }

    default List<Claim> claims() {
        return about().claims();
    }

    default Class<P> paramsType() {
        return about().paramsType();
    }

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

    /**
     * A picture of a finished run's result that says more than its numbers do (the compare matrix); empty when this
     * experiment draws none. The result may come from the run store, its details then read back from JSON.
     */
    default Optional<ResultPicture> resultPicture(ExperimentResult result) {
        return Optional.empty();
    }

    default P defaults() {
        return ParamDefaults.of(paramsType());
    }

    /**
     * A short run of this experiment (a quarter of its defaults' time or less) that takes its computing paths through
     * the JIT compiler: the lab runs it once, unseen, after a start and before the first real run's clock starts, so
     * that a newcomer's first click does not measure the compiler. Absent fields take their defaults; empty when there
     * is nothing to warm.
     */
    default Optional<P> warmUp() {
        return Optional.empty();
    }
}
