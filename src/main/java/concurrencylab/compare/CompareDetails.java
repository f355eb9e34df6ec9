package concurrencylab.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * What a compare run measured: the matrix, and what its cells had in common.
 *
 * @param tasks            tasks in every cell
 * @param taskMillis       one task's work (cpu) or the io server's delay (io)
 * @param hogMillis        mixed: what the hog computed, tasks x taskMillis
 * @param cores            cores the run could use: the pinned ones, else this JVM's
 * @param pinnedTo         the CPUs the run was pinned to (cpus), else absent
 * @param switchIntervalMs the simulated GIL's switch interval
 * @param mixed            how mixed's I/O was made and what it took alone, when the run had the mixed column
 * @param models           the rows, in order
 * @param workloads        the columns, in order
 * @param matrix           every cell, row by row
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompareDetails(int tasks, int taskMillis, int hogMillis, int cores, String pinnedTo,
        double switchIntervalMs, Mixed mixed, List<String> models, List<String> workloads, List<Cell> matrix) {

    /**
     * Mixed's I/O.
     *
     * @param ioTasks       tasks doing I/O beside the hog (all but one)
     * @param opsPerIoTask  round trips each makes, one due every periodMs
     * @param periodMs      how often an I/O task starts a round trip
     * @param serverDelayMs how long the server waits before it answers
     * @param aloneP99Ms    the p99 of the same round trips with no hog, on platform threads: the ratio's reference
     */
    public record Mixed(int ioTasks, int opsPerIoTask, double periodMs, double serverDelayMs, double aloneP99Ms) {
    }

    public Optional<Cell> cell(Model model, CompareWorkload workload) {
        return matrix.stream().filter(c -> c.model().equals(model.tag()) && c.workload().equals(workload.tag()))
                .findFirst();
    }

    public boolean has(CompareWorkload workload) {
        return workloads.contains(workload.tag());
    }
}
