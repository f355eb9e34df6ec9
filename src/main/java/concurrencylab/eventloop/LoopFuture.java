package concurrencylab.eventloop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The result of an operation on an {@link EventLoop}, asyncio's Future. Its done-callbacks are always scheduled on
 * the loop (never run inline), in the order they were added. Completing it twice is an error.
 *
 * <p>States: PENDING -> RESULT | FAILED | CANCELLED, once. Loop-thread confined: other threads complete a future
 * through {@link EventLoop#execute}.
 */
public class LoopFuture<T> {

    private enum State { PENDING, RESULT, FAILED, CANCELLED }

    static {
        DoneCallback.class.getName(); // loaded with the loop, as EventLoop's static block explains
    }

    final EventLoop loop;
    private State state = State.PENDING;
    private T result;
    private Throwable failure;
    private List<Consumer<LoopFuture<T>>> callbacks = new ArrayList<>(1);

    public LoopFuture(EventLoop loop) {
        this.loop = loop;
    }

    public boolean isDone() {
        return state != State.PENDING;
    }

    public boolean isCancelled() {
        return state == State.CANCELLED;
    }

    /** The result; throws the failure, CancellationException, or IllegalStateException while pending. */
    public T result() throws Exception {
        return switch (state) {
            case RESULT -> result;
            case CANCELLED -> throw new CancellationException("cancelled");
            case FAILED -> throw failure instanceof Exception e ? e : new ExecutionException(failure);
            case PENDING -> throw new IllegalStateException("not done yet");
        };
    }

    public void setResult(T value) {
        complete(State.RESULT, value, null);
    }

    public void setException(Throwable error) {
        complete(State.FAILED, null, error);
    }

    /** Sets the result unless already done (for racing completions: a timer and a cancel). */
    public boolean trySetResult(T value) {
        if (isDone()) {
            return false;
        }
        setResult(value);
        return true;
    }

    public boolean trySetException(Throwable error) {
        if (isDone()) {
            return false;
        }
        setException(error);
        return true;
    }

    /** Cancels a pending future; false if it was already done. */
    public boolean cancel() {
        if (isDone()) {
            return false;
        }
        complete(State.CANCELLED, null, null);
        return true;
    }

    public void addDoneCallback(Consumer<LoopFuture<T>> callback) {
        if (isDone()) {
            schedule(callback);
        } else {
            callbacks.add(callback);
        }
    }

    /** What this future stands for, for a recording of the loop ("read on client 3's socket", "sleep 50 ms"). */
    public String describe() {
        return "a future";
    }

    private void schedule(Consumer<LoopFuture<T>> callback) {
        if (callback instanceof Task.Wakeup<?> wakeup && loop.recording()) {
            loop.observer().woke(wakeup.task.name());
        }
        loop.callSoon(new DoneCallback<>(this, callback));
    }

    private void complete(State outcome, T value, Throwable error) {
        if (isDone()) {
            throw new IllegalStateException("future already " + state);
        }
        state = outcome;
        result = value;
        failure = error;
        List<Consumer<LoopFuture<T>>> toRun = callbacks;
        callbacks = List.of();
        for (Consumer<LoopFuture<T>> callback : toRun) {
            schedule(callback);
        }
        onDone();
    }

    /** Called once, when the future completes, on the loop thread; for subclasses. */
    protected void onDone() {
    }

    /** A done-callback on its way: named after the task it resumes, or the future it reports on, when asked. */
    private static final class DoneCallback<T> extends Handle {

        private final LoopFuture<T> future;
        private final Consumer<LoopFuture<T>> callback;

        DoneCallback(LoopFuture<T> future, Consumer<LoopFuture<T>> callback) {
            super(null);
            this.future = future;
            this.callback = callback;
        }

        @Override
        void runCallback() {
            callback.accept(future);
        }

        @Override
        String name() {
            return callback instanceof Task.Wakeup<?> wakeup ? wakeup.task.name()
                    : "done callback of " + future.describe();
        }
    }
}
