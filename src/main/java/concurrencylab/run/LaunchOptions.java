package concurrencylab.run;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * Query parameters every experiment's POST accepts, bound by constructor. (A class, not a record: a record
 * component may not be called {@code wait}.) No OpenAPI examples on purpose: Swagger UI pre-fills examples into
 * "Try it out", which would turn every plain 202 into a waiting request.
 */
public final class LaunchOptions {

    public static final LaunchOptions NONE = new LaunchOptions(null, null);

    @Parameter(description = "Wait up to this long for the run to finish, then answer 200 with the finished run "
            + "(e.g. 30s; at most lab.limits.max-wait, 60s by default). Without it the answer is 202 at once.")
    private final String wait;

    @Parameter(description = "The run's deadline (e.g. 90s or 2m; at most lab.limits.max-timeout). Past it the run "
            + "stops as TIMED_OUT. Default: lab.limits.default-timeout.")
    private final String timeout;

    public LaunchOptions(String wait, String timeout) {
        this.wait = wait;
        this.timeout = timeout;
    }

    public String getWait() {
        return wait;
    }

    public String getTimeout() {
        return timeout;
    }
}
