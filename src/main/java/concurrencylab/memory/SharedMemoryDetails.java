package concurrencylab.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the shared-memory experiment counted.
 *
 * @param mode        how the workers incremented
 * @param workers     threads (and, in mode processes, worker processes) that incremented
 * @param increments  increments per worker
 * @param expected    threads' modes: what one counter shared by all reads at the end: workers x increments
 * @param actual      threads' modes: what the shared counter read at the end
 * @param lostUpdates threads' modes: expected - actual
 * @param lostPercent threads' modes: lostUpdates as a percentage of expected
 * @param isolation   mode processes: who saw the service's marker, threads or child processes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharedMemoryDetails(String mode, int workers, long increments, Long expected, Long actual,
        Long lostUpdates, Double lostPercent, Isolation isolation) {

    /**
     * The same counting code run as threads of the service and as child processes, after the service set its
     * counter to a marker.
     *
     * @param marker               the value the service's main thread wrote into its counter first
     * @param threadsSaw           what each thread read from the counter before it counted
     * @param serviceAfterThreads  the service's counter after the threads counted: marker + workers x increments
     *                             if they changed the service's memory
     * @param children             each child process: what it read first and what it counted to, in its memory
     * @param serviceAfterChildren the service's counter after the children counted: unchanged if they could not
     *                             reach it
     */
    public record Isolation(long marker, List<Long> threadsSaw, long serviceAfterThreads, List<ChildCount> children,
            long serviceAfterChildren) {
    }

    /** One worker process: its PID, what its counter read before it counted, and what it read after. */
    public record ChildCount(long pid, long saw, long count) {
    }
}
