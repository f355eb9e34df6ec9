package concurrencylab.experiment;

import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A rule over a combination of parameters, which a per-field range cannot state: its sentence is shown in the
 * catalog and in Swagger UI, and {@link #check} enforces the very same rule before a run is queued.
 *
 * @param field     the parameter named in the 400 when the rule is broken
 * @param statement the rule in one sentence
 * @param value     the parameter's value
 * @param most      the largest value the rule allows for these parameters
 * @param <P>       the parameter record
 */
public record ParamRule<P>(String field, String statement, ToIntFunction<P> value, ToLongFunction<P> most) {

    /** Requests one run may make in all: every request's latency is kept for the percentiles. */
    public static final long MAX_REQUESTS = 1_000_000;

    /** clients x requestsPerClient at most {@link #MAX_REQUESTS}. */
    public static <P> ParamRule<P> requestBudget(ToIntFunction<P> clients, ToIntFunction<P> requestsPerClient) {
        return new ParamRule<>("requestsPerClient", "clients x requestsPerClient may be at most " + MAX_REQUESTS
                + " (every request's latency is kept for the percentiles)", requestsPerClient,
                p -> Math.max(1, MAX_REQUESTS / clients.applyAsInt(p)));
    }

    /** Throws a 400 naming {@link #field} and the range these parameters allow when the rule is broken. */
    public void check(P params) {
        int actual = value.applyAsInt(params);
        long allowed = most.applyAsLong(params);
        if (actual > allowed) {
            throw new BadParameterException(field, actual, "1.." + allowed, statement);
        }
    }
}
