package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;

/**
 * What the gil experiment measured besides the common result.
 *
 * @param gil              whether the tasks ran under the lock
 * @param build            the build the interpreter behaved as: gil or free-threaded
 * @param switchIntervalMs how long a waiter waited before asking for the lock
 * @param threads          interpreter threads
 * @param cores            processors the run could use (its cpus when pinned)
 * @param pinnedTo         the CPUs the run was pinned to, as taskset writes them (absent: not pinned)
 * @param tasks            tasks run
 * @param workload         what each task did
 * @param taskMillis       how long one task takes alone
 * @param threadsCores     cores the interpreter threads themselves kept busy: their own CPU time over the wall time
 *                         (the JVM's JIT and GC, which cpuUtilisation counts too, left out)
 * @param lock             what the lock saw in the concurrent phase (absent without the lock)
 * @param execution        how long tasks ran once a thread took them (waits for the lock included)
 * @param control          cpu work under the lock only: the same tasks on the same threads without the lock, run
 *                         in the same run as C7's control
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GilDetails(boolean gil, String build, double switchIntervalMs, int threads, int cores, String pinnedTo,
        int tasks, String workload,
        int taskMillis, double threadsCores, LockReport lock, LatencyStats execution, Control control) {

    /**
     * The free-threaded control.
     *
     * @param wallSeconds         its wall time
     * @param cpuUtilisation      cores it kept busy
     * @param fasterThanLocked    the locked phase's wall time over its own: about min(threads, cores) on free cores
     * @param otherProcessesCores cores other programs kept busy meanwhile (absent where the OS does not tell)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Control(double wallSeconds, double cpuUtilisation, double fasterThanLocked,
            Double otherProcessesCores) {

        static Control of(Measured locked, Measured free) {
            double others = free.othersBusyCores();
            return new Control(Numbers.seconds(free.wallNanos()), Numbers.round(free.cpuUtilisation(), 3),
                    Numbers.round((double) locked.wallNanos() / free.wallNanos(), 3),
                    Double.isNaN(others) ? null : Numbers.round(others, 3));
        }
    }
}
