package concurrencylab.eventloop;

import java.util.function.Consumer;

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

    static {
        Wakeup.class.getName(); // loaded with the loop, as EventLoop's static block explains
    }
    /** The task whose step is running on this thread, or null. */
    private static final ThreadLocal<Task<?>> CURRENT = new ThreadLocal<>();

    private final Continuation continuation;
    private final String name;
    /** The future this task waits on, or null while it is scheduled to step. */
    private LoopFuture<?> waitingOn;
    private boolean cancelRequested;
    private boolean started;

    Task(EventLoop loop, String name, Coroutine<T> body) {
        super(loop);
        this.name = name;
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
        loop.callSoon(new Handle(this::step, name));
    }

    /** Its name, as asyncio's {@code Task.get_name()}: "client 17", or "Task-3". */
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "task " + name;
    }

    /** Where this task stands as a pass ends: scheduled to step, or waiting on a future (for a recording). */
    LoopObserver.TaskState state() {
        return waitingOn == null ? new LoopObserver.TaskState(name, "ready", null)
                : new LoopObserver.TaskState(name, "waiting", waitingOn.describe());
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
            future.addDoneCallback(new Wakeup<>(this));
            if (loop.recording()) {
                loop.observer().parked(name, future);
            }
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

    /**
     * The done-callback a waiting task puts on the future it awaits, asyncio's {@code Task.__wakeup}: it steps the task.
     * A future that completes schedules it as a callback named after the task, and tells a recording whom it woke.
     */
    static final class Wakeup<R> implements Consumer<LoopFuture<R>> {

        final Task<?> task;

        Wakeup(Task<?> task) {
            this.task = task;
        }

        @Override
        public void accept(LoopFuture<R> done) {
            task.step();
        }
    }
}
