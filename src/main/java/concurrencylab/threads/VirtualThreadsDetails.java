package concurrencylab.threads;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.LatencyStats;

/**
 * What the virtual-threads experiment measured besides the common result.
 *
 * @param tasks                    tasks run, one virtual thread each
 * @param workload                 what each task did
 * @param taskMillis               how long one task takes alone
 * @param peakTasksInProgress      most tasks started and not yet ended at one moment
 * @param platformThreadsBefore    platform (OS) threads alive in the JVM just before the tasks started
 * @param peakPlatformThreads      most platform threads alive in the JVM while they ran (carriers included)
 * @param carrierParallelism       the virtual-thread scheduler's target parallelism (its carrier threads' goal)
 * @param peakCarrierThreads       most carrier threads the scheduler had at one sample
 * @param peakMountedVirtualThreads most virtual threads mounted on a carrier (actually running) at one sample
 * @param tasksPerPlatformThread   peakTasksInProgress / peakPlatformThreads
 * @param queueWait                from submission until the task's virtual thread first ran
 * @param execution                from its start to its end
 * @param samples                  how many times the thread counts were sampled
 * @param openConnectionLimit      socket workload only: connections allowed open at once
 *                                 (lab.limits.max-open-connections); more tasks than this wait their turn
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VirtualThreadsDetails(int tasks, String workload, int taskMillis, int peakTasksInProgress,
        int platformThreadsBefore, int peakPlatformThreads, int carrierParallelism, int peakCarrierThreads,
        int peakMountedVirtualThreads, double tasksPerPlatformThread, LatencyStats queueWait, LatencyStats execution,
        int samples, Integer openConnectionLimit) {
}
