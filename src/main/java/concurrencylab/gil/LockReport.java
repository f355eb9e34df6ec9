package concurrencylab.gil;

import concurrencylab.experiment.Numbers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulated GIL saw during one measured phase, as a run reports it.
 *
 * @param acquisitions      times a thread took the lock
 * @param totalWaitSeconds  time threads waited for it, all threads added up
 * @param meanWaitMs        the mean wait per acquisition
 * @param heldSeconds       time the lock was held, all holders added up (at most the phase's wall time)
 * @param switches          hand-overs to another thread, by why the holder let go: forced (a waiter asked after
 *                          a switch interval), io (released around a sleep or socket call), exit (task ended)
 * @param switchesPerSecond hand-overs per second of the phase
 * @param meanForcedSwitchMicros mean time from a forced release to the waiter running: what one switch costs
 */
public record LockReport(long acquisitions, double totalWaitSeconds, double meanWaitMs, double heldSeconds,
        Map<String, Long> switches, double switchesPerSecond, double meanForcedSwitchMicros) {

    static LockReport of(GilStats stats, double wallSeconds) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        stats.switches().forEach((reason, count) -> byReason.put(reason.tag(), count));
        long total = stats.totalSwitches();
        long forced = stats.switches().get(SwitchReason.FORCED);
        return new LockReport(stats.acquisitions(), Numbers.seconds(stats.waitNanos()),
                Numbers.round(stats.acquisitions() == 0 ? 0 : stats.waitNanos() / 1e6 / stats.acquisitions(), 3),
                Numbers.seconds(stats.heldNanos()), byReason,
                Numbers.round(wallSeconds > 0 ? total / wallSeconds : 0, 1),
                Numbers.round(forced == 0 ? 0 : stats.forcedHandoffNanos() / 1e3 / forced, 1));
    }
}
