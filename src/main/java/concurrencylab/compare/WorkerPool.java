package concurrencylab.compare;

import concurrencylab.experiment.RunContext;
import concurrencylab.process.Order;
import concurrencylab.process.ProcessCpuSampler;
import concurrencylab.process.WorkerReply;
import concurrencylab.process.WorkerFailure;
import concurrencylab.process.WorkerGroup;
import concurrencylab.process.WorkerLanes;
import concurrencylab.process.Workers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The worker processes of one cell, a process pool as Python's ProcessPoolExecutor keeps one: started and READY
 * before the cell's clock starts, each given one order, its answer handed to whoever awaits that worker.
 *
 * <p>States: ready (every worker said READY) -> working (orders sent; the reader thread hears every report) ->
 * closed (workers stopped, reader ended), from any state. Threads: the reader thread alone completes
 * {@code results} and writes the worker lanes and {@code reported}; any thread may send and await.
 */
final class WorkerPool implements AutoCloseable {

    /** How long past the work a silent worker is waited for. */
    private static final Duration SILENCE_GRACE = Duration.ofSeconds(30);

    private final WorkerGroup group;
    private final WorkerLanes lanes;
    private final ProcessCpuSampler sampler;
    private final CompletableFuture<WorkerReply.Result>[] results;
    private final boolean[] reported;
    private final Thread reader;

    @SuppressWarnings("unchecked")
    private WorkerPool(WorkerGroup group, RunContext cell, Duration longestWork) {
        this.group = group;
        this.lanes = new WorkerLanes(group.workers(), cell.timeline());
        this.sampler = ProcessCpuSampler.start(group.workers(), cell.timeline(), cell.platformThreads("cpu-sampler"));
        this.results = new CompletableFuture[group.workers().size()];
        this.reported = new boolean[results.length];
        for (int i = 0; i < results.length; i++) {
            results[i] = new CompletableFuture<>();
        }
        Duration silence = longestWork.plus(SILENCE_GRACE);
        this.reader = cell.platformThreads("worker-reader").newThread(() -> hear(cell, silence));
        reader.start();
    }

    /** Starts {@code count} workers (pinned to the first {@code cpus} cores when not null) and waits for READY. */
    static WorkerPool start(Workers workers, int count, Integer cpus, RunContext cell, Duration longestWork)
            throws Exception {
        WorkerGroup group = workers.start(count, cpus, cell.platformThreads("worker-io"));
        try {
            cell.onStop(group::close);
            cell.throwIfStopped();
            return new WorkerPool(group, cell, longestWork);
        } catch (Exception | Error e) {
            group.close();
            throw e;
        }
    }

    int size() {
        return results.length;
    }

    void send(int worker, Order order) throws WorkerFailure {
        group.send(group.workers().get(worker), order);
    }

    /** Waits for worker {@code worker}'s result; a failure of any worker fails every wait. */
    WorkerReply.Result await(int worker, RunContext cell) throws Exception {
        try {
            return results[worker].get(Math.max(1, cell.remaining().toNanos()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new InterruptedException("deadline passed while waiting for a worker");
        }
    }

    /** The reader thread: every report until each worker answered, or the first failure. */
    private void hear(RunContext cell, Duration silence) {
        int answered = 0;
        try {
            while (answered < results.length) {
                WorkerGroup.Event event = group.next(cell.waitAtMost(silence), "to finish their work");
                int i = event.worker().index() - 1;
                switch (event.report()) {
                    case WorkerReply.Started started -> lanes.started(i);
                    case WorkerReply.Progress progress -> {
                        lanes.taskDone(i);
                        reported[i] = true;
                    }
                    case WorkerReply.Result result -> {
                        if (!reported[i]) {
                            lanes.taskDone(i); // an echo worker reports no task: its whole work is one
                        }
                        results[i].complete(result);
                        answered++;
                    }
                    default -> throw new WorkerFailure(event.worker().name() + " said " + event.message().verb()
                            + " during its work");
                }
            }
        } catch (WorkerFailure | InterruptedException | RuntimeException e) {
            for (CompletableFuture<WorkerReply.Result> result : results) {
                result.completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            sampler.close();
        } finally {
            group.close();
            reader.interrupt();
            reader.join(Duration.ofSeconds(5));
        }
    }
}
