package concurrencylab.gil;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated global interpreter lock that behaves like CPython's "new GIL" (Python/ceval_gil.c, since 3.2).
 * Only its holder may run interpreter work; work runs in small ticks, and between ticks the holder calls
 * {@link #tick()}, CPython's "eval breaker" check.
 *
 * <ol>
 *   <li>A thread that wants the lock waits on {@code released} for at most one switch interval. If the interval
 *       passed and the same holding is still in place ({@code switchNumber} unchanged), it sets the drop request
 *       and waits again.</li>
 *   <li>The holder sees the drop request at its next tick, releases the lock, and (forced switching) waits on
 *       {@code switched} until another thread has actually taken it, so it cannot grab the lock straight back.</li>
 *   <li>Around a blocking operation the holder releases the lock ({@link SwitchReason#IO}) and takes it again
 *       afterwards, waiting like anyone else: an I/O thread beside a computing one waits about a switch interval
 *       per operation (the "convoy effect").</li>
 * </ol>
 *
 * <p>States and transitions (all under {@code mutex}):
 * <pre>
 *   FREE  (holder == null) --acquire() by T-----------------------> HELD by T (switchNumber++, dropRequested cleared)
 *   HELD by T --release(reason) by T, or leave() by T-----------> FREE  (one waiter signalled)
 *   drop request: off --a waiter's interval ran out, same holding--> on --next holder takes the lock, or the
 *                 holder starts its forced-switch wait------------> off
 * </pre>
 * A waiter interrupted while it waits leaves without the lock and wakes a holder that waits for it to switch;
 * a holder interrupted in its forced-switch wait leaves without the lock. Nobody is left waiting after a cancel.
 *
 * <p>Field owners: every field is guarded by {@code mutex}, except {@code dropRequested}, which is volatile: written
 * under {@code mutex}, read without it by the holder at every tick.
 *
 * <p>Every process has its own lock: this is a plain object, one per simulated interpreter.
 */
public final class GlobalInterpreterLock {

    /** CPython's default, {@code sys.getswitchinterval()} = 0.005. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final long intervalNanos;
    private final GilObserver observer;

    private final ReentrantLock mutex = new ReentrantLock();
    /** Signalled (one waiter) when the lock is released: CPython's {@code gil->cond}. */
    private final Condition released = mutex.newCondition();
    /** Signalled (all) when a thread takes the lock or a waiter gives up: CPython's {@code gil->switch_cond}. */
    private final Condition switched = mutex.newCondition();

    /** The thread holding the lock, or null. Under mutex. */
    private Thread holder;
    /** The thread that took the lock last (still holding it or not). Under mutex. */
    private Thread lastHolder;
    /** Counts acquisitions: a waiter asks for a drop only if no switch happened during its interval. Under mutex. */
    private long switchNumber;
    /** Threads inside acquire() waiting for the lock. Under mutex. */
    private int waiters;
    /** Why and when the lock was last released. Under mutex. */
    private SwitchReason lastReleaseReason;
    private long lastReleaseAt;
    /** When the current holder took it. Under mutex. */
    private long acquiredAt;
    /** A waiter asks the holder to drop the lock at its next tick. Written under mutex, read by the holder freely. */
    private volatile boolean dropRequested;

    /** Statistics. Under mutex. */
    private long acquisitions;
    private long waitNanos;
    private long heldNanos;
    private final long[] switches = new long[SwitchReason.values().length];
    private long forcedHandoffNanos;

    public GlobalInterpreterLock(Duration switchInterval, GilObserver observer) {
        if (switchInterval.isNegative() || switchInterval.isZero()) {
            throw new IllegalArgumentException("switch interval must be positive, was " + switchInterval);
        }
        this.intervalNanos = switchInterval.toNanos();
        this.observer = observer;
    }

    /** Takes the lock, waiting as long as it takes; asks the holder to drop it after each switch interval. */
    public void acquire() throws InterruptedException {
        Thread me = Thread.currentThread();
        long start = System.nanoTime();
        long handoff = -1;
        long waited;
        SwitchReason reason = null;
        mutex.lockInterruptibly();
        try {
            if (holder == me) {
                throw new IllegalStateException(me.getName() + " already holds the interpreter lock");
            }
            if (holder != null) {
                awaitFree();
            }
            long now = System.nanoTime();
            if (lastHolder != null && lastHolder != me) {
                reason = lastReleaseReason;
                handoff = now - lastReleaseAt;
                switches[reason.ordinal()]++;
                if (reason == SwitchReason.FORCED) {
                    forcedHandoffNanos += handoff; // after I/O or exit, the gap is idle time, not switch cost
                }
            }
            holder = me;
            lastHolder = me;
            switchNumber++;
            acquiredAt = now;
            dropRequested = false; // it was meant for the previous holder
            waited = now - start;
            acquisitions++;
            waitNanos += waited;
            switched.signalAll();
        } finally {
            mutex.unlock();
        }
        observer.acquired(waited);
        if (reason != null) {
            observer.switched(reason, handoff);
        }
    }

    /** Waits (holding mutex) until the lock is free, setting the drop request whenever an interval passes. */
    private void awaitFree() throws InterruptedException {
        waiters++;
        try {
            while (holder != null) {
                long seen = switchNumber;
                long left = released.awaitNanos(intervalNanos);
                if (left <= 0 && holder != null && switchNumber == seen && !dropRequested) {
                    dropRequested = true;
                    observer.dropRequested();
                }
            }
        } catch (InterruptedException e) {
            if (holder == null) {
                released.signal(); // a release meant to wake us must wake someone else instead
            }
            throw e;
        } finally {
            waiters--;
            switched.signalAll(); // a holder in its forced-switch wait re-checks whether anyone still waits
        }
    }

    /**
     * Gives the lock up. If a waiter asked for it and {@code reason} is not {@link SwitchReason#EXIT}, waits until
     * another thread has taken it (or no thread wants it any more): forced switching.
     */
    public void release(SwitchReason reason) throws InterruptedException {
        Thread me = Thread.currentThread();
        long held;
        long handedOverAt = -1;
        mutex.lock();
        try {
            if (holder != me) {
                throw new IllegalMonitorStateException(me.getName() + " does not hold the interpreter lock");
            }
            held = free(reason);
            if (reason != SwitchReason.EXIT && dropRequested) {
                dropRequested = false;
                handedOverAt = lastReleaseAt;
                while (lastHolder == me && waiters > 0) {
                    switched.await();
                }
            }
        } finally {
            mutex.unlock();
        }
        observer.released(reason, held);
        if (handedOverAt >= 0) {
            observer.handedOver(System.nanoTime() - handedOverAt);
        }
    }

    /** Releases the lock if this thread holds it, never waiting: for the end of a task, however it ends. */
    public void leave() {
        long held = -1;
        mutex.lock();
        try {
            if (holder == Thread.currentThread()) {
                held = free(SwitchReason.EXIT);
            }
        } finally {
            mutex.unlock();
        }
        if (held >= 0) {
            observer.released(SwitchReason.EXIT, held);
        }
    }

    /** Frees the lock; returns how long it was held. */
    private long free(SwitchReason reason) {
        long now = System.nanoTime();
        long held = now - acquiredAt;
        heldNanos += held;
        holder = null;
        lastReleaseReason = reason;
        lastReleaseAt = now;
        released.signal();
        return held;
    }

    /** Told of every acquisition, release, hand-over and drop request. */
    public GilObserver observer() {
        return observer;
    }

    /**
     * Called by the holder between ticks of work: stops on interrupt, and honours a drop request by releasing the
     * lock, waiting until another thread took it, and queueing for it again.
     */
    public void tick() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interpreter work interrupted");
        }
        if (dropRequested) {
            release(SwitchReason.FORCED);
            acquire();
        }
    }

    /** Whether a waiter has asked the holder to drop the lock (for tests and introspection). */
    public boolean isDropRequested() {
        return dropRequested;
    }

    public boolean isHeldByCurrentThread() {
        mutex.lock();
        try {
            return holder == Thread.currentThread();
        } finally {
            mutex.unlock();
        }
    }

    /** Threads waiting for the lock now. */
    public int waiters() {
        mutex.lock();
        try {
            return waiters;
        } finally {
            mutex.unlock();
        }
    }

    public GilStats stats() {
        mutex.lock();
        try {
            Map<SwitchReason, Long> byReason = new EnumMap<>(SwitchReason.class);
            for (SwitchReason reason : SwitchReason.values()) {
                byReason.put(reason, switches[reason.ordinal()]);
            }
            return new GilStats(acquisitions, waitNanos, heldNanos, Collections.unmodifiableMap(byReason),
                    forcedHandoffNanos);
        } finally {
            mutex.unlock();
        }
    }
}
