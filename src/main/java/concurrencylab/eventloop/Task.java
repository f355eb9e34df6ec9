package concurrencylab.eventloop;

import java.util.concurrent.CancellationException;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * A coroutine scheduled on an {@link EventLoop}, asyncio's Task; itself a future of the coroutine's result.
 * Invariant: a pending task is either scheduled to take a step or waiting on exactly one future.
 *
 * <p>How a coroutine suspends: its body runs inside a {@link Continuation} (the one-shot delimited continuation
 * that virtual threads are built on) on the loop thread. {@link Async#await} on a pending future registers "take
 * the next step" as the future's done-callback and yields the continuation; the loop thread returns from
 * {@link #step()} to the loop. When the future completes, the loop calls {@link #step()} again and the body goes
 * on after the await, with its locals intact. See the package comment for why this mechanism.
 *
 * <p>States: PENDING (stepping or waiting) -> RESULT | FAILED | CANCELLED. Loop-thread confined. A task cancelled
 * before its first step never runs its body (asyncio throws CancelledError into a coroutine that has not started).
 * An Error thrown by the body fails the task and then propagates out of the loop, which does not swallow Errors.
 */
public final class Task<T> extends LoopFuture<T> {

    static final ContinuationScope SCOPE = new ContinuationScope("concurrencylab-eventloop");
    /** The task whose step is running on this thread, or null. */
    private static final ThreadLocal<Task<?>> CURRENT = new ThreadLocal<>();

    private final Continuation continuation;
    /** The future this task waits on, or null while it is scheduled to step. */
    private LoopFuture<?> waitingOn;
    private boolean cancelRequested;
    private boolean started;

    Task(EventLoop loop, Coroutine<T> body) {
        super(loop);
        this.continuation = new Continuation(SCOPE, () -> {
            try {
                T value = body.run();
                setResult(value);
            } catch (CancellationException e) {
                super.cancel();
            } catch (Exception e) {
                setException(e);
            } catch (Error e) {
                setException(e);
                throw e;
            }
        });
        loop.callSoon(this::step);
    }

    static Task<?> current() {
        Task<?> task = CURRENT.get();
        if (task == null) {
            throw new IllegalStateException("not inside a task: await only works in a coroutine run by createTask");
        }
        return task;
    }

    private void step() {
        if (continuation.isDone() || isDone()) {
            return;
        }
        if (!started && cancelRequested) {
            super.cancel(); // never started: the body never runs
            return;
        }
        started = true;
        Task<?> outer = CURRENT.get();
        CURRENT.set(this);
        try {
            continuation.run();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** Suspends this task until {@code future} is done; called on the task's own stack. */
    <R> R await(LoopFuture<R> future) throws Exception {
        if (cancelRequested) {
            throw new CancellationException("task cancelled");
        }
        if (!future.isDone()) {
            waitingOn = future;
            future.addDoneCallback(done -> step());
            Continuation.yield(SCOPE);
            waitingOn = null;
        }
        if (cancelRequested && !future.isCancelled()) {
            throw new CancellationException("task cancelled");
        }
        return future.result();
    }

    /**
     * Cancels the task: the future it waits on is cancelled, so its await throws CancellationException inside the
     * coroutine, which may clean up; if the coroutine lets it through, the task ends CANCELLED.
     */
    @Override
    public boolean cancel() {
        if (isDone()) {
            return false;
        }
        cancelRequested = true;
        if (waitingOn != null) {
            waitingOn.cancel();
        }
        return true;
    }

    @Override
    protected void onDone() {
        loop.taskDone(this);
    }
}
