package concurrencylab.eventloop.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What the event-loop experiment's coroutines do. */
public enum EventLoopMode {
    /** Each client coroutine sends requests to the lab's delay-echo server over its own socket. */
    @JsonProperty("echo") ECHO,
    /** Each coroutine sleeps serverDelayMs, requestsPerClient times: no sockets at all. */
    @JsonProperty("sleep") SLEEP,
    /** echo, plus one coroutine that computes blockMillis without ever suspending. */
    @JsonProperty("blocking") BLOCKING;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
