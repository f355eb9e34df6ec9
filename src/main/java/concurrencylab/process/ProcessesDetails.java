package concurrencylab.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import java.util.List;

/**
 * What the processes experiment measured besides the common result. The result's wall time is the work phase,
 * from sending the work to the last answer; starting the JVMs is measured apart, in {@code spawn}.
 *
 * @param processes        workers started (at most one per task)
 * @param cores            processors the service's JVM may use
 * @param pinnedToCpus     the CPUs every worker was pinned to (the first N this service may use), or absent
 * @param workload         what each task did
 * @param taskMillis       how long one task takes alone
 * @param gil              whether each worker computed under a simulated GIL of its own
 * @param spawn            start-to-READY latency of the workers
 * @param startup          how worker startup was made cheap
 * @param workers          each worker: its PID, tasks, CPU time, and when it started and finished its work
 * @param intervalsOverlap whether every worker's start-to-finish interval overlapped every other's
 * @param oneGilThreads    C9's contrast (cpu work under a GIL on 2 or more cores): the same tasks as threads of the
 *                         service under one GIL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessesDetails(int processes, int cores, String pinnedToCpus, String workload, int taskMillis,
        boolean gil, LatencyStats spawn, String startup, List<WorkerReport> workers, boolean intervalsOverlap,
        GilThreadsContrast oneGilThreads) {

    /**
     * The same tasks on as many threads of the service, all under one simulated GIL.
     *
     * @param wallSeconds       how long they took
     * @param threadsCores      cores the threads themselves kept busy: about one, whatever their number
     * @param processesFasterBy their wall time over the worker processes': about min(processes, cores)
     */
    public record GilThreadsContrast(double wallSeconds, double threadsCores, double processesFasterBy) {

        static GilThreadsContrast of(ProcessVerdicts.OneGil threads, Measured processes) {
            return new GilThreadsContrast(Numbers.seconds(threads.wallNanos()), Numbers.round(threads.threadsCores(), 3),
                    Numbers.round((double) threads.wallNanos() / processes.wallNanos(), 3));
        }
    }

    /**
     * One worker.
     *
     * @param worker          its number in the run
     * @param pid             its operating-system process id
     * @param tasks           tasks it ran
     * @param spawnMillis     start to READY
     * @param startedAtMs     when it began its work, from the moment the work was sent
     * @param finishedAtMs    when it answered with its result, from the same moment
     * @param cpuSeconds      CPU time the worker process spent on its work, by its own account
     * @param gilAcquisitions times its own simulated GIL was taken (0 without one)
     */
    public record WorkerReport(int worker, long pid, int tasks, double spawnMillis, double startedAtMs,
            double finishedAtMs, double cpuSeconds, long gilAcquisitions) {
    }
}
