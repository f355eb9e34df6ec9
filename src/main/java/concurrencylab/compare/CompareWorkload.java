package concurrencylab.compare;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** What the tasks of one matrix column do. */
public enum CompareWorkload implements Tagged {
    /** Each task computes taskMillis of calibrated work and never yields. */
    @JsonProperty("cpu") CPU,
    /** Each task makes one round trip to the loopback delay-echo server, which answers after taskMillis. */
    @JsonProperty("io") IO,
    /**
     * One task computes tasks x taskMillis (the hog); the others make short round trips on a fixed schedule meanwhile,
     * and the number is their p99 latency.
     */
    @JsonProperty("mixed") MIXED
}
