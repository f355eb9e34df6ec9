package concurrencylab.compare;

import concurrencylab.experiment.Measured;

/**
 * What one cell measured.
 *
 * @param measured       its wall and CPU time (workers' CPU included) from the first task's start to the last's end
 * @param workersCpuNanos the part of that CPU time its worker processes reported
 * @param ioLatencies    mixed: every I/O round trip's latency from when it was due, else null
 * @param loopLagNanos   coroutine models: the loop's lag samples, else null
 */
record CellRun(Measured measured, long workersCpuNanos, long[] ioLatencies, long[] loopLagNanos) {
}
