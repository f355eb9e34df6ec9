package concurrencylab.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the shared-memory experiment counted.
 *
 * @param mode        how the workers incremented
 * @param workers     threads or processes that incremented
 * @param increments  increments per worker
 * @param expected    what one counter shared by all would read: workers x increments
 * @param actual      what the shared counter read at the end (threads), or the sum of the workers' own counters
 * @param lostUpdates expected - actual for threads; 0 for processes, where nothing is shared to lose
 * @param lostPercent lostUpdates as a percentage of expected
 * @param parentValue the service's own counter after the worker processes counted (processes only)
 * @param children    each worker process's own counter (processes only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharedMemoryDetails(String mode, int workers, long increments, long expected, long actual,
        long lostUpdates, double lostPercent, Long parentValue, List<ChildCount> children) {

    /** One worker process: its PID and the counter in its own memory. */
    public record ChildCount(long pid, long count) {
    }
}
