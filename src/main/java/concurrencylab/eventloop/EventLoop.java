package concurrencylab.eventloop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * loop thread, the thread that created the loop (checked). {@code incoming} and {@code wakeupPending} are the
 * only fields other threads touch; every other field is owned by the loop thread.
 *
 * <p>States: OPEN (runs when asked) -> CLOSED on {@link #close()}, which cancels the pending tasks and lets them
 * clean up, then closes every channel registered with the selector and the selector itself.
 *
 * <p>Why one class of some 550 lines: the ready deque, the timer heap, the selector and the pass that runs them
 * share one owner thread and one set of invariants (what a pass runs, when a cancelled timer leaves the heap, what
 * close releases); split up, those invariants would be spread over classes that each see only part of the state.
 * Futures, tasks, socket operations and timers already live in their own classes.
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
        for (Class<?> type : List.of(Interest.class, Handle.class, TimerHandle.class, LoopFuture.class,
                ExecutorFuture.class, Task.class, Async.class, AsyncSocket.class)) {
            type.getName();
        }
    }

    private final Thread owner = Thread.currentThread();
    private final Selector selector;
    private final long slowNanos;
    private final LoopObserver observer;
    private final ArrayDeque<Handle> ready = new ArrayDeque<>();
    /**
     * Queues the callbacks of a channel the selector reports ready. Handed to {@code select(Consumer)}, so the
     * selector calls it key by key instead of filling its selected-key set (a HashSet add and remove per ready
     * channel per pass, a sixth of the loop's Java time at 1,000 connections).
     */
    private final Consumer<SelectionKey> dispatch = key -> ((Interest) key.attachment()).fire(key, ready);
    private final PriorityQueue<TimerHandle> timers = new PriorityQueue<>();
    /** Callbacks from other threads; drained at the start of every pass. */
    private final ConcurrentLinkedQueue<Handle> incoming = new ConcurrentLinkedQueue<>();
    /** A wakeup of the selector is already on its way. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private Consumer<Throwable> exceptionHandler = e -> log.log(System.Logger.Level.ERROR, "callback failed", e);
    private LoopLock lock = LoopLock.NONE;
    /** Tasks created on this loop and not done yet, for close() to cancel. */
    private final Set<Task<?>> pendingTasks = new LinkedHashSet<>();
    /** Cancelled timers still in the heap (those a cancel on this thread counted). */
    private int cancelledTimers;
    private long timerSequence;
    private boolean stopping;
    private boolean closed;

    /** Statistics, written by the loop thread; read after the loop has run (or racily, for display). */
    private volatile long iterations;
    private volatile long selects;
    private volatile long slowCallbacks;
    private volatile int peakReady;
    private volatile long maxLagNanos;
    private long[] lagSamples = new long[256];
    private int lagCount;

    public EventLoop(Duration slowCallback, LoopObserver observer) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.slowNanos = slowCallback.toNanos();
        this.observer = observer;
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
        checkThread();
        Handle handle = new Handle(callback);
        ready.add(handle);
        return handle;
    }

    public TimerHandle callLater(Duration delay, Runnable callback) {
        return callAt(System.nanoTime() + delay.toNanos(), callback);
    }

    /** Runs {@code callback} once {@link System#nanoTime()} reaches {@code when}. */
    public TimerHandle callAt(long when, Runnable callback) {
        checkThread();
        TimerHandle timer = new TimerHandle(this, when, timerSequence++, callback);
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
        incoming.add(new Handle(callback));
        if (!inLoopThread()) {
            wakeup();
        }
    }

    /** Thread-safe: makes a select in progress (or the next one) return at once. */
    public void wakeup() {
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * One pass of the loop; see the class comment. Throws InterruptedException when the {@link LoopLock} could not
     * be taken back because this thread was interrupted.
     */
    public void runOnce() throws IOException, InterruptedException {
        checkThread();
        iterations++;
        for (Handle handle; (handle = incoming.poll()) != null; ) {
            ready.add(handle);
        }
        purgeCancelledTimers();
        long selectStart;
        long selectEnd;
        lock.beforeSelect();
        try {
            selectStart = System.nanoTime();
            select();
            selectEnd = System.nanoTime();
        } finally {
            lock.afterSelect();
        }
        long now = System.nanoTime();
        long lag = -1;
        while (!timers.isEmpty() && timers.peek().when <= now) {
            TimerHandle timer = pollTimer();
            if (!timer.isCancelled()) {
                if (lag < 0) {
                    lag = now - timer.when;
                }
                ready.add(timer);
            }
        }
        if (lag >= 0) {
            recordLag(lag);
        }
        int count = ready.size();
        if (count > peakReady) {
            peakReady = count;
        }
        for (int i = 0; i < count; i++) {
            run(ready.poll());
            lock.betweenCallbacks();
        }
        observer.iteration(count, lag);
        observer.pass(selectStart, selectEnd, now, System.nanoTime(), count);
    }

    private void select() throws IOException {
        wakeupPending.set(false);
        if (!ready.isEmpty() || !incoming.isEmpty() || stopping || closed) {
            selector.selectNow(dispatch);
        } else if (!timers.isEmpty()) {
            long waitNanos = timers.peek().when - System.nanoTime();
            if (waitNanos <= 0) {
                selector.selectNow(dispatch);
            } else {
                selector.select(dispatch, Math.max(1, Math.ceilDiv(waitNanos, 1_000_000)));
            }
        } else {
            selector.select(dispatch);
        }
        selects++;
    }

    private void run(Handle handle) {
        if (handle.isCancelled()) {
            return;
        }
        long started = System.nanoTime();
        try {
            handle.callback.run();
        } catch (Exception e) {
            try {
                exceptionHandler.accept(e);
            } catch (Exception ignored) {
                // a failing handler must not stop the loop either
            }
        }
        long took = System.nanoTime() - started;
        if (took > slowNanos) {
            slowCallbacks++;
            log.log(System.Logger.Level.WARNING, "slow callback {0} held the loop for {1} ms", handle.name(),
                    took / 1_000_000);
            observer.slowCallback(handle.name(), took);
        }
    }

    private void recordLag(long lag) {
        if (lag > maxLagNanos) {
            maxLagNanos = lag;
        }
        if (lagCount == lagSamples.length && lagCount < (1 << 22)) {
            lagSamples = Arrays.copyOf(lagSamples, lagCount * 2);
        }
        if (lagCount < lagSamples.length) {
            lagSamples[lagCount++] = lag;
        }
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
        });
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
        checkThread();
        Coroutines.require();
        Task<T> task = new Task<>(this, body);
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
        LoopFuture<Void> future = new LoopFuture<>(this);
        watch(channel, op, () -> future.trySetResult(null), false);
        return future;
    }

    /**
     * Runs {@code callback} whenever {@code channel} is ready for {@code op} (persistent) or the next time only. A
     * channel's callbacks are replaced per op.
     */
    public void watch(SelectableChannel channel, int op, Runnable callback, boolean persistent) {
        checkThread();
        SelectionKey key = channel.keyFor(selector);
        try {
            if (key == null || !key.isValid()) {
                key = channel.register(selector, op, new Interest());
            } else {
                key.interestOps(key.interestOps() | op);
            }
        } catch (ClosedChannelException e) {
            throw new IllegalStateException("channel is closed", e);
        }
        ((Interest) key.attachment()).set(op, callback, persistent);
    }

    /** Stops watching {@code channel} for {@code op}. */
    public void unwatch(SelectableChannel channel, int op) {
        checkThread();
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            key.interestOps(key.interestOps() & ~op);
            ((Interest) key.attachment()).set(op, null, false);
        }
    }

    /** Closes {@code channel} and wakes whoever waits on it: their waits fail with ClosedChannelException. */
    public void closeChannel(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (key != null) {
            ((Interest) key.attachment()).fireAll(ready);
        }
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
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // best effort: the selector closes next
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
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
        return closed ? 0 : selector.keys().size();
    }

    public long iterations() {
        return iterations;
    }

    public long selects() {
        return selects;
    }

    public long slowCallbacks() {
        return slowCallbacks;
    }

    public int peakReady() {
        return peakReady;
    }

    public long maxLagNanos() {
        return maxLagNanos;
    }

    /** How late due timers ran, one sample per pass that had one. Loop thread only. */
    public long[] lagSamples() {
        return Arrays.copyOf(lagSamples, lagCount);
    }

    /**
     * The callbacks registered per operation of one channel; the selection key's attachment. Each registration gets
     * one {@link Handle}, queued again every time its channel is ready (asyncio's selector loop does the same), so a
     * ready channel costs the loop no allocation. Loop thread only.
     */
    private static final class Interest {

        private static final int[] OPS = {SelectionKey.OP_ACCEPT, SelectionKey.OP_CONNECT, SelectionKey.OP_READ,
                SelectionKey.OP_WRITE};
        private final Handle[] handles = new Handle[OPS.length];
        private final boolean[] persistent = new boolean[OPS.length];

        void set(int op, Runnable callback, boolean keep) {
            for (int i = 0; i < OPS.length; i++) {
                if ((op & OPS[i]) != 0) {
                    handles[i] = callback == null ? null : new Handle(callback, "io");
                    persistent[i] = keep;
                }
            }
        }

        void fire(SelectionKey key, ArrayDeque<Handle> ready) {
            if (!key.isValid()) {
                fireAll(ready);
                return;
            }
            int readyOps = key.readyOps();
            int interest = key.interestOps();
            int keep = interest;
            for (int i = 0; i < OPS.length; i++) {
                if ((readyOps & OPS[i]) != 0 && handles[i] != null) {
                    ready.add(handles[i]);
                    if (!persistent[i]) {
                        handles[i] = null;
                        keep &= ~OPS[i];
                    }
                }
            }
            if (keep != interest) {
                key.interestOps(keep);
            }
        }

        /** The channel is gone: run every waiting callback once, so waiters see the closed channel. */
        void fireAll(ArrayDeque<Handle> ready) {
            for (int i = 0; i < OPS.length; i++) {
                if (handles[i] != null) {
                    ready.add(new Handle(handles[i].callback, "io-closed"));
                    handles[i] = null;
                }
            }
        }
    }
}
