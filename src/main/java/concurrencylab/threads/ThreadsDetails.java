package concurrencylab.threads;

import concurrencylab.experiment.LatencyStats;

/**
 * What the threads experiment measured besides the common result.
 *
 * @param poolSize      platform threads in the pool
 * @param cores         processors the JVM may use
 * @param tasks         tasks run
 * @param workload      what each task did
 * @param taskMillis    how long one task takes alone
 * @param queueWait     how long tasks waited in the pool's queue before a thread took them
 * @param execution     how long tasks ran once a thread took them
 * @param idealSeconds  the wall time perfect scheduling would give: waves of tasks, each as long as one task
 * @param tasksAtOnce   tasks executing at once on average: their execution times added up, over the wall time
 */
public record ThreadsDetails(int poolSize, int cores, int tasks, String workload, int taskMillis,
        LatencyStats queueWait, LatencyStats execution, double idealSeconds, double tasksAtOnce) {
}
