package concurrencylab.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** How the shared-memory experiment's workers increment their counter. */
public enum CounterMode implements Tagged {
    /** Threads increment one shared counter with a plain read and a separate write. */
    @JsonProperty("unsynchronized") UNSYNCHRONIZED,
    /** Threads increment it inside a synchronized block. */
    @JsonProperty("synchronized") SYNCHRONIZED,
    /** Threads increment it with an atomic compare-and-set (AtomicLong). */
    @JsonProperty("atomic") ATOMIC,
    /**
     * The service marks its counter; the same counting code then runs as threads, which see the mark and add to it,
     * and as worker processes, which count in their own memory and leave the service's alone.
     */
    @JsonProperty("processes") PROCESSES;
}
