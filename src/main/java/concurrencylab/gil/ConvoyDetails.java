package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonInclude;
import concurrencylab.experiment.LatencyStats;

/**
 * What the gil-convoy experiment measured.
 *
 * @param ioOps              blocking operations per phase
 * @param ioMillis           how long each one blocks
 * @param cpuThreads         threads computing beside the I/O thread in the second phase
 * @param switchIntervalMs   how long a waiter waits before asking for the lock
 * @param aloneSeconds       the I/O thread's operations with no other thread wanting the lock
 * @param besideCpuSeconds   the same operations beside the computing threads
 * @param slowdown           besideCpuSeconds / aloneSeconds
 * @param aloneOpLatency     one operation (release, block, take the lock back), alone
 * @param besideCpuOpLatency the same beside the computing threads
 * @param addedWaitPerOpMs   median latency beside minus median alone: the wait for the lock after each operation
 * @param gil                whether both phases ran under a lock
 * @param lock               what the lock saw in the second phase (absent without a lock)
 * @param reference          a published figure of real CPython, for comparison: not measured by this run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConvoyDetails(int ioOps, double ioMillis, int cpuThreads, double switchIntervalMs, double aloneSeconds,
        double besideCpuSeconds, double slowdown, LatencyStats aloneOpLatency, LatencyStats besideCpuOpLatency,
        double addedWaitPerOpMs, boolean gil, LockReport lock, Reference reference) {

    /**
     * A figure someone else measured, quoted for comparison.
     *
     * @param figure     what was measured, in a sentence
     * @param source     where it comes from
     * @param measuredBy who measured it: never this run
     */
    public record Reference(String figure, String source, String measuredBy) {
    }

    static final Reference CPYTHON = new Reference("CPython 3.11.7, 2 cores, switch interval 5 ms: 200 sleeps of "
            + "0.1 ms took 0.040 s alone and 1.09 s beside one computing thread, about 27x", "the convoy effect of "
            + "CPython issue 7946 and D. Beazley's GIL studies; the script that measured it is in docs/concepts.md",
            "the lab's developers, on a machine like its build machines: not this run");
}
