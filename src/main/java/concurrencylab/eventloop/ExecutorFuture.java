package concurrencylab.eventloop;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The loop's side of blocking work handed to an executor ({@link EventLoop#runInExecutor}): the work's outcome comes
 * back through {@link EventLoop#execute}, and cancelling this future cancels the work, interrupting it if it runs.
 * Loop-thread confined like every future, except {@code job}, which the executor runs.
 */
final class ExecutorFuture<T> extends LoopFuture<T> {

    private static final String ARRIVES = "an executor's result arrives";

    private final FutureTask<T> job;

    ExecutorFuture(EventLoop loop, Callable<T> work) {
        super(loop);
        this.job = new FutureTask<>(work) {
            @Override
            protected void done() { // on the executor's thread, once the work has ended
                if (isCancelled()) {
                    return; // the loop side cancelled it
                }
                try {
                    T result = get();
                    loop.execute(new Handle(() -> trySetResult(result), ARRIVES));
                } catch (ExecutionException e) {
                    loop.execute(new Handle(() -> trySetException(e.getCause()), ARRIVES));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // get() on a finished task does not wait
                }
            }
        };
    }

    FutureTask<T> job() {
        return job;
    }

    @Override
    public String describe() {
        return "an executor's result";
    }

    @Override
    public boolean cancel() {
        if (!super.cancel()) {
            return false;
        }
        job.cancel(true);
        return true;
    }
}
