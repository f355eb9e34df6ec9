package concurrencylab.eventloop;

import java.util.List;

/**
 * Told what an {@link EventLoop} does, on the loop thread; metrics, the timeline and the replay listen here, so the
 * loop knows none of them. The detailed hooks (from {@link #passStarted} on) are called only for an observer that
 * {@link #recordsPasses}: naming every callback and channel costs the loop, and only a replay wants it.
 */
public interface LoopObserver {

    LoopObserver NONE = new LoopObserver() {
    };

    /** One pass ran {@code callbacks} callbacks; its first due timer ran {@code lagNanos} late (-1: none was due). */
    default void iteration(int callbacks, long lagNanos) {
    }

    /**
     * One pass's times ({@link System#nanoTime()}): it waited in select from {@code selectStart} to {@code selectEnd}
     * and ran its {@code callbacks} callbacks from {@code callbacksStart} to {@code passEnd}.
     */
    default void pass(long selectStart, long selectEnd, long callbacksStart, long passEnd, int callbacks) {
    }

    /** A callback held the loop for {@code nanos}, more than the slow-callback threshold. */
    default void slowCallback(String name, long nanos) {
    }

    /** Whether this observer wants the detailed hooks below; read once, when the loop is made. */
    default boolean recordsPasses() {
        return false;
    }

    /** Pass {@code index} (from 1) begins at {@code atNanos}; {@code ready}: the callbacks ready before it selects. */
    default void passStarted(long index, long atNanos, List<String> ready) {
    }

    /**
     * The pass's select: the timeout it asked for in milliseconds (0: none, it did not wait; -1: until woken) and
     * why, how long it blocked, the channels the OS watched ("label: ops") and those it reported ready.
     */
    default void selected(long timeoutMillis, String why, long blockedNanos, List<String> watching,
            List<String> reported) {
    }

    /** The timers that came due in this pass, by name. */
    default void timersDue(List<String> timers) {
    }

    /** A callback of this pass ran for {@code nanos}; its name is worked out only if the observer asks for it. */
    default void callbackRan(Handle callback, long nanos) {
    }

    /** Task {@code task} suspended, awaiting {@code on} (its {@link LoopFuture#describe}: "read on client 3's socket"). */
    default void parked(String task, LoopFuture<?> on) {
    }

    /** What {@code task} awaited completed: it is scheduled to resume. */
    default void woke(String task) {
    }

    /** The pass ended; {@code tasks}: every pending task (at most a few dozen) and what it awaits, asyncio's pstree. */
    default void passEnded(List<TaskState> tasks, int moreTasks) {
    }

    /**
     * One task as a pass leaves it.
     *
     * @param state    ready (scheduled to step) or waiting
     * @param awaiting what it waits on, or null when ready
     */
    record TaskState(String name, String state, String awaiting) {
    }
}
