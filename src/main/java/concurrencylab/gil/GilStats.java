package concurrencylab.gil;

import java.util.Map;

/**
 * What a {@link GlobalInterpreterLock} saw, totalled since it was made.
 *
 * @param acquisitions  times a thread took the lock
 * @param waitNanos     time threads spent waiting for it, all threads added up
 * @param heldNanos     time it was held, all holders added up
 * @param switches      times it passed to another thread, by why the previous holder let it go
 * @param forcedHandoffNanos time from each forced release to the waiter's acquisition, added up: the cost of
 *                           the forced switches
 */
public record GilStats(long acquisitions, long waitNanos, long heldNanos, Map<SwitchReason, Long> switches,
        long forcedHandoffNanos) {

    public long totalSwitches() {
        return switches.values().stream().mapToLong(Long::longValue).sum();
    }
}
