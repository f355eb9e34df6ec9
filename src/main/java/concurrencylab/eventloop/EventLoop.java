package concurrencylab.eventloop;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.PriorityQueue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A single-threaded event loop after CPython's asyncio: a multiplexer (a {@link Selector}) that reports which
 * channels are ready, and the loop proper, which runs immediate callbacks (a ready deque) and timed ones (a timer
 * heap) around it. {@link #runOnce()} is the only place callbacks run:
 *
 * <ol>
 *   <li>move callbacks handed in by other threads ({@link #execute}) to the ready deque;</li>
 *   <li>drop cancelled timers from the head of the heap, and rebuild the heap without the cancelled ones once they
 *       are more than half of it (asyncio's rule: a cancelled timer otherwise stays until it reaches the head);</li>
 *   <li>select (with the {@link LoopLock} let go): without waiting if anything is ready, else until the nearest
 *       timer, else until woken;</li>
 *   <li>queue the callbacks of the channels the selector reported, and the timers that are due;</li>
 *   <li>run exactly the callbacks that were ready at that point; ones they schedule wait for the next pass.</li>
 * </ol>
 *
 * A callback that fails with an Exception goes to the exception handler and never stops the loop; an Error (out of
 * memory, a stack overflow, a failed assertion) is not swallowed: it ends the pass and propagates to whoever runs
 * the loop, as asyncio lets SystemExit through. A callback that holds the loop longer than the slow-callback
 * threshold is named in a warning and counted. Closing the loop cancels the tasks still pending and runs their
 * clean-up (their {@code finally} blocks) before it closes the channels.
 *
 * <p>Thread confinement: everything but {@link #execute}, {@link #wakeup} and the statistics getters runs on the
 * loop thread, the thread that created the loop (checked, {@link #closeChannel} too). {@code incoming} (and the
 * selector's wakeup flag) are the only fields other threads touch; every other field is owned by the loop thread.
 *
 * <p>States: OPEN (runs when asked) -> CLOSED on {@link #close()}, which cancels the pending tasks and lets them
 * clean up, then closes every channel registered with the selector and the selector itself.
 *
 * <p>Three parts, as Netty splits its loop from its I/O handler and asyncio {@code base_events} from
 * {@code selector_events}: this class is the core (the ready deque, the timer heap, {@link #runOnce}, tasks and
 * their clean-up); {@link LoopSelector} owns the {@link java.nio.channels.Selector} and what each channel is watched
 * for; {@link LoopStats} counts and tells the {@link LoopObserver}. A replay records passes through the observer
 * ({@link LoopObserver#recordsPasses}); without one, the core names nothing.
 */
public final class EventLoop implements AutoCloseable {

    public static final Duration DEFAULT_SLOW_CALLBACK = Duration.ofMillis(100);
    /** How long a server stops accepting after accept failed (out of descriptors): asyncio's ACCEPT_RETRY_DELAY. */
    public static final Duration ACCEPT_RETRY_DELAY = Duration.ofSeconds(1);
    /** The heap is rebuilt without cancelled timers only from this size up (asyncio's _MIN_SCHEDULED_TIMER_HANDLES). */
    static final int MIN_TIMERS_TO_PURGE = 100;
    /** Passes that close() gives cancelled tasks to finish their clean-up. */
    private static final int CLOSE_PASSES = 100;
    private static final System.Logger log = System.getLogger(EventLoop.class.getName());

    static {
        // Out of file descriptors, a class file on a plain classpath (target/classes) cannot be opened, and the first
        // use of a class the loop has not needed yet would throw NoClassDefFoundError at the worst moment: a server
        // backing off from a failed accept. Load the loop's own classes with the loop.
        for (Class<?> type : List.of(LoopSelector.class, LoopStats.class, Handle.class, TimerHandle.class,
                LoopFuture.class, ExecutorFuture.class, Task.class, Async.class, AsyncSocket.class, ChannelReady.class)) {
            type.getName();
        }
    }

    private final Thread owner = Thread.currentThread();
    private final ArrayDeque<Handle> ready = new ArrayDeque<>();
    private final LoopSelector io = new LoopSelector(ready);
    private final LoopStats stats;
    private final PriorityQueue<TimerHandle> timers = new PriorityQueue<>();
    /** Callbacks from other threads; drained at the start of every pass. */
    private final ConcurrentLinkedQueue<Handle> incoming = new ConcurrentLinkedQueue<>();
    private Consumer<Throwable> exceptionHandler = e -> log.log(System.Logger.Level.ERROR, "callback failed", e);
    private LoopLock lock = LoopLock.NONE;
    /** Tasks created on this loop and not done yet, for close() to cancel. */
    private final Set<Task<?>> pendingTasks = new LinkedHashSet<>();
    /** Cancelled timers still in the heap (those a cancel on this thread counted). */
    private int cancelledTimers;
    private long timerSequence;
    private long taskSequence;
    private boolean stopping;
    private boolean closed;

    public EventLoop(Duration slowCallback, LoopObserver observer) {
        this.stats = new LoopStats(slowCallback.toNanos(), observer);
    }

    public EventLoop() {
        this(DEFAULT_SLOW_CALLBACK, LoopObserver.NONE);
    }

    public boolean inLoopThread() {
        return Thread.currentThread() == owner;
    }

    private void checkThread() {
        if (!inLoopThread()) {
            throw new IllegalStateException("only the loop thread (" + owner.getName() + ") may call this; use execute()");
        }
    }

    public void setExceptionHandler(Consumer<Throwable> handler) {
        checkThread();
        this.exceptionHandler = handler;
    }

    /** The lock the loop thread holds while it runs callbacks ({@link LoopLock#NONE} by default). */
    public void setLock(LoopLock lock) {
        checkThread();
        this.lock = lock;
    }

    /** Runs {@code callback} in the next pass, after the callbacks scheduled before it. */
    public Handle callSoon(Runnable callback) {
        return callSoon(new Handle(callback));
    }

    /** Queues {@code handle} for the next pass. */
    Handle callSoon(Handle handle) {
        checkThread();
        ready.add(handle);
        return handle;
    }

    public TimerHandle callLater(Duration delay, Runnable callback) {
        return callAt(System.nanoTime() + delay.toNanos(), callback, null);
    }

    /** {@link #callLater(Duration, Runnable)}, the timer called {@code name} where the loop is recorded. */
    TimerHandle callLater(Duration delay, Runnable callback, String name) {
        return callAt(System.nanoTime() + delay.toNanos(), callback, name);
    }

    /** Runs {@code callback} once {@link System#nanoTime()} reaches {@code when}. */
    public TimerHandle callAt(long when, Runnable callback) {
        return callAt(when, callback, null);
    }

    private TimerHandle callAt(long when, Runnable callback, String name) {
        checkThread();
        TimerHandle timer = new TimerHandle(this, when, timerSequence++, callback, name);
        timers.add(timer);
        return timer;
    }

    /** A scheduled timer was cancelled: count it, so that the heap is purged once they are half of it. */
    void timerCancelled(TimerHandle timer) {
        if (!inLoopThread()) {
            execute(() -> timerCancelled(timer));
            return;
        }
        if (timer.scheduled && !timer.countedAsCancelled) {
            timer.countedAsCancelled = true;
            cancelledTimers++;
        }
    }

    /** Timers in the heap, cancelled ones included (for tests). Loop thread only. */
    int scheduledTimers() {
        return timers.size();
    }

    private TimerHandle pollTimer() {
        TimerHandle timer = timers.poll();
        timer.scheduled = false;
        if (timer.countedAsCancelled) {
            cancelledTimers--;
        }
        return timer;
    }

    private void purgeCancelledTimers() {
        if (timers.size() > MIN_TIMERS_TO_PURGE && cancelledTimers * 2 > timers.size()) {
            timers.removeIf(timer -> {
                if (timer.isCancelled()) {
                    timer.scheduled = false;
                    return true;
                }
                return false;
            });
            cancelledTimers = 0;
        }
        while (!timers.isEmpty() && timers.peek().isCancelled()) {
            pollTimer();
        }
    }

    /** Thread-safe: runs {@code callback} on the loop thread in its next pass, waking the selector if needed. */
    public void execute(Runnable callback) {
        execute(new Handle(callback));
    }

    /** {@link #execute(Runnable)} with a handle of its own (a name for a recording). Thread-safe. */
    void execute(Handle handle) {
        incoming.add(handle);
        if (!inLoopThread()) {
            wakeup();
        }
    }

    /** Thread-safe: makes a select in progress (or the next one) return at once. */
    public void wakeup() {
        io.wakeup();
    }

    /**
     * One pass of the loop; see the class comment. Throws InterruptedException when the {@link LoopLock} could not
     * be taken back because this thread was interrupted.
     */
    public void runOnce() throws IOException, InterruptedException {
        checkThread();
        long index = stats.passStarted();
        for (Handle handle; (handle = incoming.poll()) != null; ) {
            ready.add(handle);
        }
        purgeCancelledTimers();
        boolean recording = stats.recording();
        LoopObserver observer = stats.observer();
        long timeout = selectTimeout();
        List<String> watching = null;
        List<String> reported = null;
        if (recording) {
            observer.passStarted(index, System.nanoTime(), LoopStats.names(ready));
            watching = new ArrayList<>();
            io.describeWatching(watching, LoopRecording.MAX_NAMES);
            reported = new ArrayList<>();
        }
        String why = recording ? whyThisTimeout(timeout) : null;
        long selectStart;
        long selectEnd;
        lock.beforeSelect();
        try {
            selectStart = System.nanoTime();
            io.select(timeout, reported);
            selectEnd = System.nanoTime();
        } finally {
            lock.afterSelect();
        }
        stats.selected();
        if (recording) {
            observer.selected(timeout, why, selectEnd - selectStart, watching, reported);
        }
        long now = System.nanoTime();
        long lag = -1;
        List<String> due = recording ? new ArrayList<>() : null;
        while (!timers.isEmpty() && timers.peek().when <= now) {
            TimerHandle timer = pollTimer();
            if (!timer.isCancelled()) {
                if (lag < 0) {
                    lag = now - timer.when;
                }
                ready.add(timer);
                if (due != null) {
                    due.add(timer.name());
                }
            }
        }
        if (lag >= 0) {
            stats.lag(lag);
        }
        if (due != null && !due.isEmpty()) {
            observer.timersDue(due);
        }
        int count = ready.size();
        stats.ready(count);
        for (int i = 0; i < count; i++) {
            run(ready.poll());
            lock.betweenCallbacks();
        }
        if (recording) {
            tellTasks(observer);
        }
        stats.passEnded(selectStart, selectEnd, now, System.nanoTime(), count, lag);
    }

    /** How long the next select may wait, in ms: 0 when anything is ready, until the nearest timer, else -1. */
    private long selectTimeout() {
        if (!ready.isEmpty() || !incoming.isEmpty() || stopping || closed) {
            return 0;
        }
        if (!timers.isEmpty()) {
            long waitNanos = timers.peek().when - System.nanoTime();
            return waitNanos <= 0 ? 0 : Math.max(1, Math.ceilDiv(waitNanos, 1_000_000));
        }
        return -1;
    }

    /** Why the select may wait as long as {@code timeout} says (for a recording). */
    private String whyThisTimeout(long timeout) {
        if (timeout < 0) {
            return "nothing ready and no timer: wait until a socket is ready or another thread hands work in";
        }
        if (timeout > 0) {
            return "nothing ready: wait until the next timer, " + timers.peek().name();
        }
        if (!ready.isEmpty()) {
            return ready.size() + " callback" + (ready.size() == 1 ? "" : "s") + " ready: only look, do not wait";
        }
        return stopping || closed ? "stopping: only look, do not wait" : "a timer is due: only look, do not wait";
    }

    /** Every pending task as this pass leaves it, at most {@link LoopRecording#MAX_NAMES} of them. */
    private void tellTasks(LoopObserver observer) {
        List<LoopObserver.TaskState> states = new ArrayList<>(Math.min(pendingTasks.size(), LoopRecording.MAX_NAMES));
        for (Task<?> task : pendingTasks) {
            if (states.size() == LoopRecording.MAX_NAMES) {
                break;
            }
            states.add(task.state());
        }
        observer.passEnded(states, pendingTasks.size() - states.size());
    }

    private void run(Handle handle) {
        if (handle.isCancelled()) {
            return;
        }
        long started = System.nanoTime();
        try {
            handle.runCallback();
        } catch (Exception e) {
            try {
                exceptionHandler.accept(e);
            } catch (Exception ignored) {
                // a failing handler must not stop the loop either
            }
        }
        stats.callbackRan(handle, System.nanoTime() - started);
    }

    /** Whether a replay records this loop's passes: then tasks and futures tell it what they do. Loop thread. */
    boolean recording() {
        return stats.recording();
    }

    LoopObserver observer() {
        return stats.observer();
    }

    /** Runs passes until {@code future} is done, then returns its result (or throws its failure). */
    public <T> T runUntilComplete(LoopFuture<T> future) throws Exception {
        checkThread();
        while (!future.isDone()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("event loop interrupted");
            }
            runOnce();
        }
        return future.result();
    }

    /**
     * {@link #runUntilComplete}, with a timer due every {@code heartbeat} meanwhile, so that the loop's lag (how late
     * its timers run) is measured even while every coroutine only waits for a socket.
     */
    public <T> T runUntilComplete(LoopFuture<T> future, Duration heartbeat) throws Exception {
        boolean[] done = {false}; // the loop thread only
        beat(heartbeat, done);
        try {
            return runUntilComplete(future);
        } finally {
            done[0] = true;
        }
    }

    private void beat(Duration every, boolean[] done) {
        callLater(every, () -> {
            if (!done[0]) {
                beat(every, done);
            }
        }, "heartbeat (measures the loop's lag)");
    }

    /** Runs passes until {@link #stop()} is called on the loop thread (e.g. through execute). */
    public void runForever() throws IOException, InterruptedException {
        checkThread();
        stopping = false;
        while (!stopping) {
            if (Thread.interrupted()) {
                throw new InterruptedException("event loop interrupted");
            }
            runOnce();
        }
    }

    public void stop() {
        checkThread();
        stopping = true;
    }

    /**
     * Starts a coroutine as a task on this loop; it takes its first step in the next pass. Refuses at once, saying
     * how to fix it, where this JVM cannot run coroutines ({@link Coroutines}).
     */
    public <T> Task<T> createTask(Coroutine<T> body) {
        return createTask("Task-" + (taskSequence + 1), body);
    }

    /** {@link #createTask(Coroutine)} with a name, as asyncio's {@code create_task(coro, name=...)}: "client 17". */
    public <T> Task<T> createTask(String name, Coroutine<T> body) {
        checkThread();
        Coroutines.require();
        taskSequence++;
        Task<T> task = new Task<>(this, name, body);
        pendingTasks.add(task);
        return task;
    }

    /** A task of this loop is done. Loop thread. */
    void taskDone(Task<?> task) {
        pendingTasks.remove(task);
    }

    /**
     * Runs blocking {@code work} on {@code executor}; its result comes back to the loop as a future. Cancelling the
     * future cancels the work, interrupting it if it has started.
     */
    public <T> LoopFuture<T> runInExecutor(Executor executor, Callable<T> work) {
        checkThread();
        ExecutorFuture<T> future = new ExecutorFuture<>(this, work);
        executor.execute(future.job());
        return future;
    }

    /** A future that completes (once) when {@code channel} is ready for {@code op}. */
    public LoopFuture<Void> whenReady(SelectableChannel channel, int op) {
        return whenReady(channel, op, null);
    }

    /** {@link #whenReady(SelectableChannel, int)}; {@code label} names the channel when it is first watched. */
    LoopFuture<Void> whenReady(SelectableChannel channel, int op, String label) {
        ChannelReady future = new ChannelReady(this, channel, op);
        watch(channel, op, () -> future.trySetResult(null), false, label);
        return future;
    }

    /**
     * Runs {@code callback} whenever {@code channel} is ready for {@code op} (persistent) or the next time only. A
     * channel's callbacks are replaced per op.
     */
    public void watch(SelectableChannel channel, int op, Runnable callback, boolean persistent) {
        watch(channel, op, callback, persistent, null);
    }

    /** {@link #watch(SelectableChannel, int, Runnable, boolean)}; {@code label} names a newly watched channel. */
    public void watch(SelectableChannel channel, int op, Runnable callback, boolean persistent, String label) {
        checkThread();
        io.watch(channel, op, callback, persistent, label != null ? label : defaultLabel(channel));
    }

    /** Stops watching {@code channel} for {@code op}. */
    public void unwatch(SelectableChannel channel, int op) {
        checkThread();
        io.unwatch(channel, op);
    }

    /** Closes {@code channel} and wakes whoever waits on it: their waits fail with ClosedChannelException. */
    public void closeChannel(SelectableChannel channel) {
        checkThread();
        io.closeChannel(channel);
    }

    /** The label {@code channel} is watched under, or null. Loop thread. */
    String labelOf(SelectableChannel channel) {
        return io.labelOf(channel);
    }

    /** A channel watched without a label: its kind and identity, computed once, when it is first watched. */
    private static String defaultLabel(SelectableChannel channel) {
        return channel.getClass().getSimpleName().replace("Impl", "") + "@"
                + Integer.toHexString(System.identityHashCode(channel));
    }

    /**
     * Cancels the tasks still pending and runs their clean-up (a few passes at most, without waiting in select),
     * then closes every channel registered with this loop and the selector; other pending callbacks never run.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (inLoopThread()) {
            cancelPendingTasks();
        }
        io.closeAll();
        ready.clear();
        timers.clear();
        incoming.clear();
    }

    /** Cancels every pending task and runs passes until they are done, or CLOSE_PASSES have run. */
    private void cancelPendingTasks() {
        boolean interrupted = Thread.interrupted(); // a stop interrupts the loop thread; clean-up must still run
        lock = LoopLock.NONE; // clean-up only closes what the tasks opened; it needs no one's turn
        try {
            for (int pass = 0; pass < CLOSE_PASSES && !pendingTasks.isEmpty(); pass++) {
                List.copyOf(pendingTasks).forEach(Task::cancel);
                runOnce();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "cancelled tasks could not finish their clean-up", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Tasks created on this loop and not yet done (for tests). Loop thread only. */
    int pendingTasks() {
        return pendingTasks.size();
    }

    /** Channels registered with the selector now (for tests and leak checks). */
    public int registeredChannels() {
        return closed ? 0 : io.registered();
    }

    public long iterations() {
        return stats.iterations();
    }

    public long selects() {
        return stats.selects();
    }

    public long slowCallbacks() {
        return stats.slowCallbacks();
    }

    public int peakReady() {
        return stats.peakReady();
    }

    public long maxLagNanos() {
        return stats.maxLagNanos();
    }

    /** How late due timers ran, one sample per pass that had one. Loop thread only. */
    public long[] lagSamples() {
        return stats.lagSamples();
    }
}
