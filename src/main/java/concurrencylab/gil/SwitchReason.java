package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** Why the holder of the {@link GlobalInterpreterLock} gave it up. */
public enum SwitchReason implements Tagged {
    /** A waiter waited one switch interval and asked for the lock; the holder dropped it at its next tick. */
    @JsonProperty("forced") FORCED,
    /** The holder released it around a blocking operation (sleep, socket), as CPython does around I/O. */
    @JsonProperty("io") IO,
    /** The holder finished its task. */
    @JsonProperty("exit") EXIT;
}
