package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** What each task of the gil experiment does inside the interpreter. */
public enum GilWorkload implements Tagged {
    /** Computes for taskMillis, holding the lock. */
    @JsonProperty("cpu") CPU,
    /** Sleeps taskMillis with the lock released. */
    @JsonProperty("sleep") SLEEP,
    /** One request/response to the lab's loopback echo server (answering after taskMillis), lock released. */
    @JsonProperty("socket") SOCKET,
    /** Computes for half of taskMillis, then sleeps the other half: a request handler that also waits. */
    @JsonProperty("mixed") MIXED;
}
