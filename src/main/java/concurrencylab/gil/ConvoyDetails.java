package concurrencylab.gil;

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
 * @param lock               what the lock saw in the second phase
 * @param cpythonReference   what real CPython shows, for comparison
 */
public record ConvoyDetails(int ioOps, double ioMillis, int cpuThreads, double switchIntervalMs, double aloneSeconds,
        double besideCpuSeconds, double slowdown, LatencyStats aloneOpLatency, LatencyStats besideCpuOpLatency,
        double addedWaitPerOpMs, LockReport lock, String cpythonReference) {

    static final String CPYTHON_REFERENCE = "CPython 3.11 on a 2-core machine: 200 sleeps of 0.1 ms beside one "
            + "computing thread run about 30x slower than alone (switch interval 5 ms)";
}
