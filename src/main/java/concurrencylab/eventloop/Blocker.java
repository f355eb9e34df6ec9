package concurrencylab.eventloop;

import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.Interpreter;
import concurrencylab.process.WorkerFailure;
import concurrencylab.process.WorkerGroup;
import concurrencylab.process.Order;
import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import concurrencylab.workload.CpuWork;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The coroutine of mode blocking: it waits until requests are in flight, then computes {@code work}, where
 * {@link Offload} says: on the loop itself (never suspending), on a pool thread, or in a worker process, awaiting
 * the last two. Under a GIL the loop and a pool thread share one {@link Interpreter}; a worker process has its own.
 *
 * <p>{@code blockedNanos} is written on the loop thread when the computation is done, {@code workerCpuNanos} by the
 * pool thread that heard the worker's answer before the loop took the result; both are read after the loop ends.
 */
final class Blocker {

    private final Offload offload;
    private final Interpreter interpreter;
    private final CpuWork cpu;
    private final boolean gil;
    private final ExecutorService pool;
    private final WorkerGroup worker;
    private long blockedNanos;
    private volatile long workerCpuNanos;

    /**
     * @param pool   the executor of thread and process offload (the process one only waits for the worker)
     * @param worker the started worker process of process offload, else null
     */
    Blocker(Offload offload, Interpreter interpreter, CpuWork cpu, boolean gil, ExecutorService pool,
            WorkerGroup worker) {
        this.offload = offload;
        this.interpreter = interpreter;
        this.cpu = cpu;
        this.gil = gil;
        this.pool = pool;
        this.worker = worker;
    }

    /** Runs on the loop thread, the one writer of {@code lane}: running while it computes, suspended while it awaits. */
    Void run(EventLoop loop, Duration settle, Duration work, Lane lane) throws Exception {
        long sleeping = System.nanoTime();
        Async.sleep(settle);
        long start = System.nanoTime();
        lane.interval(LaneState.SUSPENDED, sleeping, start);
        switch (offload) {
            case NONE -> interpreter.compute(work); // never suspends: the whole loop waits
            case THREAD -> Async.await(loop.runInExecutor(pool, () -> {
                interpreter.run(in -> in.compute(work));
                return null;
            }));
            case PROCESS -> Async.await(loop.runInExecutor(pool, () -> inWorker(work)));
        }
        long end = System.nanoTime();
        blockedNanos = end - start;
        lane.interval(offload == Offload.NONE ? LaneState.RUNNING : LaneState.SUSPENDED, start, end);
        return null;
    }

    /** Sends the computation to the worker process and waits for its answer, on a pool thread. */
    private Void inWorker(Duration work) throws WorkerFailure, InterruptedException {
        WorkerGroup.Worker process = worker.workers().getFirst();
        worker.send(process, new Order.Compute(1, work, cpu.calibration().roundsPerMilli(), gil,
                GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL));
        workerCpuNanos = worker.result(work.plusSeconds(30), "to compute").cpuNanos();
        return null;
    }

    /** CPU time the worker process spent computing, by its own account (0 unless offloaded to a process). */
    long workerCpuNanos() {
        return workerCpuNanos;
    }

    /** How long the computation held its caller, from its start to the coroutine going on (0 if it never ran). */
    long blockedNanos() {
        return blockedNanos;
    }
}
