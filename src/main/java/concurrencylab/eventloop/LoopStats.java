package concurrencylab.eventloop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What an {@link EventLoop} counts about itself (passes, selects, slow callbacks, the most callbacks one pass ran, how
 * late its timers ran) and the {@link LoopObserver} it tells: the third part of the loop, beside its core and its
 * selector, so that neither of those carries statistics or listeners.
 *
 * <p>Written by the loop thread only. The counters are volatile, so other threads may read them while the loop runs
 * (for display); the lag samples are read once the loop has run.
 */
final class LoopStats {

    private static final System.Logger log = System.getLogger(EventLoop.class.getName());

    private final long slowNanos;
    private final LoopObserver observer;
    /** Whether the observer records every pass in detail; read once. */
    private final boolean recording;

    private volatile long iterations;
    private volatile long selects;
    private volatile long slowCallbacks;
    private volatile int peakReady;
    private volatile long maxLagNanos;
    private long[] lagSamples = new long[256];
    private int lagCount;

    LoopStats(long slowNanos, LoopObserver observer) {
        this.slowNanos = slowNanos;
        this.observer = observer;
        this.recording = observer.recordsPasses();
    }

    LoopObserver observer() {
        return observer;
    }

    /** Whether the loop should name what it does on every pass, for the observer's recording. */
    boolean recording() {
        return recording;
    }

    /** A pass begins; returns its index (from 1). */
    long passStarted() {
        return ++iterations;
    }

    void selected() {
        selects++;
    }

    void ready(int count) {
        if (count > peakReady) {
            peakReady = count;
        }
    }

    /** The first due timer of a pass ran {@code lag} late. */
    void lag(long lag) {
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

    /** A callback ran for {@code took}: slow ones are named in a warning, counted and told. */
    void callbackRan(Handle handle, long took) {
        if (took > slowNanos) {
            slowCallbacks++;
            String name = handle.name();
            log.log(System.Logger.Level.WARNING, "slow callback {0} held the loop for {1} ms", name,
                    took / 1_000_000);
            observer.slowCallback(name, took);
        }
        if (recording) {
            observer.callbackRan(handle, took);
        }
    }

    /** A pass ended: its times, as {@link LoopObserver#pass}. */
    void passEnded(long selectStart, long selectEnd, long callbacksStart, long end, int callbacks, long lag) {
        observer.iteration(callbacks, lag);
        observer.pass(selectStart, selectEnd, callbacksStart, end, callbacks);
    }

    /** The names of {@code handles}, at most {@link LoopRecording#MAX_NAMES} and a count of the rest. */
    static List<String> names(Collection<Handle> handles) {
        List<String> names = new ArrayList<>(Math.min(handles.size(), LoopRecording.MAX_NAMES));
        for (Handle handle : handles) {
            if (names.size() == LoopRecording.MAX_NAMES) {
                names.add("and " + (handles.size() - LoopRecording.MAX_NAMES) + " more");
                break;
            }
            names.add(handle.name());
        }
        return names;
    }

    long iterations() {
        return iterations;
    }

    long selects() {
        return selects;
    }

    long slowCallbacks() {
        return slowCallbacks;
    }

    int peakReady() {
        return peakReady;
    }

    long maxLagNanos() {
        return maxLagNanos;
    }

    long[] lagSamples() {
        return Arrays.copyOf(lagSamples, lagCount);
    }
}
