package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.LatencyStats;
import java.util.List;

/**
 * What the interpreters experiment measured besides the common result.
 *
 * @param interpreters          interpreters started in the service's process
 * @param threadsPerInterpreter threads running tasks in each
 * @param gil                   own (a GIL per interpreter, PEP 684) or shared (one for all, as before 3.12)
 * @param cores                 processors the run could use (its cpus when pinned)
 * @param pinnedTo              the CPUs the run was pinned to, as taskset writes them (absent: not pinned)
 * @param tasks                 tasks run
 * @param workload              what each task did
 * @param taskMillis            how long one task takes alone
 * @param payloadBytes          bytes each task carried into its interpreter
 * @param interpreterStartMs    what starting every interpreter cost (its lock, importing its module state), all of
 *                              them, measured
 * @param copiedBytes           bytes copied across interpreters in the measured phase: each task in, each result out
 * @param copies                copies made
 * @param copyMillis            time the copies took, every thread's added up
 * @param tasksPerInterpreter   each interpreter's own count of the tasks it ran, read from its module state
 * @param isolation             the marker check: written in interpreter 0, seen there and by no other
 * @param threadsCores          cores the interpreter threads themselves kept busy: their CPU time over the wall time
 * @param locks                 what each lock saw in the measured phase (one when shared)
 * @param execution             how long tasks ran once a thread took them (waits for the lock included)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterpretersDetails(int interpreters, int threadsPerInterpreter, String gil, int cores, String pinnedTo,
        int tasks, String workload, int taskMillis, int payloadBytes, double interpreterStartMs, long copiedBytes,
        long copies, double copyMillis, List<Long> tasksPerInterpreter, Isolation isolation, double threadsCores,
        List<LockReport> locks, LatencyStats execution) {
}
