package concurrencylab.eventloop;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** What the event-loop experiment's coroutines do. */
public enum EventLoopMode implements Tagged {
    /** Each client coroutine sends requests to the lab's delay-echo server over its own socket. */
    @JsonProperty("echo") ECHO,
    /** Each coroutine sleeps serverDelayMs, requestsPerClient times: no sockets at all. */
    @JsonProperty("sleep") SLEEP,
    /** echo, plus one coroutine that computes blockMillis without ever suspending. */
    @JsonProperty("blocking") BLOCKING;
}
