package concurrencylab.gil;

import java.util.Locale;

/** Why the holder of the {@link GlobalInterpreterLock} gave it up. */
public enum SwitchReason {
    /** A waiter waited one switch interval and asked for the lock; the holder dropped it at its next tick. */
    FORCED,
    /** The holder released it around a blocking operation (sleep, socket), as CPython does around I/O. */
    IO,
    /** The holder finished its task. */
    EXIT;

    /**
     * Its metric tag. Not {@code Tagged}: the lock travels into every worker process, whose jar stays a few classes
     * with no JSON names in it.
     */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
