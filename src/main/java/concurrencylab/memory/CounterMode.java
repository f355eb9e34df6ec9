package concurrencylab.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** How the shared-memory experiment's workers increment their counter. */
public enum CounterMode {
    /** Threads increment one shared counter with a plain read and a separate write. */
    @JsonProperty("unsynchronized") UNSYNCHRONIZED,
    /** Threads increment it inside a synchronized block. */
    @JsonProperty("synchronized") SYNCHRONIZED,
    /** Threads increment it with an atomic compare-and-set (AtomicLong). */
    @JsonProperty("atomic") ATOMIC,
    /** Worker processes each increment a counter in their own memory; the service's counter is left alone. */
    @JsonProperty("processes") PROCESSES;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
