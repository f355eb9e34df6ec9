package concurrencylab.workload;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** What each task of a run does. */
public enum WorkloadKind implements Tagged {
    /** Computes for taskMillis (a calibrated amount of work, so it takes longer when cores are shared). */
    @JsonProperty("cpu") CPU,
    /** Waits for taskMillis without using a core. */
    @JsonProperty("sleep") SLEEP,
    /** One request/response over loopback TCP to the lab's delay-echo server, which answers after taskMillis. */
    @JsonProperty("socket") SOCKET;
}
