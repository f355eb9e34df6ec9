package concurrencylab.process;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** What each task of the processes experiment does inside its worker. */
public enum ProcessWorkload implements Tagged {
    /** Computes for taskMillis with the service's calibration. */
    @JsonProperty("cpu") CPU,
    /** Sleeps taskMillis. */
    @JsonProperty("sleep") SLEEP;
}
