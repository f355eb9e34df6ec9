package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.LatencyStats;

/**
 * What the gil experiment measured besides the common result.
 *
 * @param gil              whether the tasks ran under the lock
 * @param switchIntervalMs how long a waiter waited before asking for the lock
 * @param threads          interpreter threads
 * @param cores            processors the JVM may use
 * @param tasks            tasks run
 * @param workload         what each task did
 * @param taskMillis       how long one task takes alone
 * @param lock             what the lock saw in the concurrent phase (absent without the lock)
 * @param execution        how long tasks ran once a thread took them (waits for the lock included)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GilDetails(boolean gil, double switchIntervalMs, int threads, int cores, int tasks, String workload,
        int taskMillis, LockReport lock, LatencyStats execution) {
}
