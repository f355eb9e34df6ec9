package concurrencylab.process;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What each task of the processes experiment does inside its worker. */
public enum ProcessWorkload {
    /** Computes for taskMillis with the service's calibration. */
    @JsonProperty("cpu") CPU,
    /** Sleeps taskMillis. */
    @JsonProperty("sleep") SLEEP;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
