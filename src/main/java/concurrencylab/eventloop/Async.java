package concurrencylab.eventloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a coroutine calls: await a future, sleep, gather tasks. Only inside a task, on its loop's thread. */
public final class Async {

    static {
        // Loaded with the loop (see EventLoop's static block): a class file cannot be opened out of descriptors.
        Sleep.class.getName();
        Gathering.class.getName();
    }

    private Async() {
    }

    /** Suspends the calling coroutine until {@code future} is done, and returns its result (or throws). */
    public static <T> T await(LoopFuture<T> future) throws Exception {
        return Task.current().await(future);
    }

    /** The loop running the calling coroutine. */
    public static EventLoop loop() {
        return Task.current().loop;
    }

    /** Suspends the calling coroutine for {@code delay}; other coroutines run meanwhile. */
    public static void sleep(Duration delay) throws Exception {
        EventLoop loop = loop();
        LoopFuture<Void> done = new Sleep(loop, delay);
        TimerHandle timer = loop.callLater(delay, () -> done.trySetResult(null));
        timer.completes = done;
        try {
            await(done);
        } finally {
            timer.cancel(); // cancelled while sleeping: the timer must not fire for nobody
        }
    }

    private static String millis(Duration delay) {
        long micros = delay.toNanos() / 1_000;
        return micros % 1_000 == 0 ? micros / 1_000 + " ms" : String.format(java.util.Locale.ROOT, "%.3f ms", micros / 1e3);
    }

    /**
     * A future of all results, in order; it fails with the first failure. Cancelling it cancels every child still
     * pending, as asyncio's gather does, so a cancelled caller leaves no task of its own running.
     */
    public static <T> LoopFuture<List<T>> gather(EventLoop loop, List<? extends LoopFuture<T>> futures) {
        LoopFuture<List<T>> all = new Gathering<>(loop, futures);
        if (futures.isEmpty()) {
            all.setResult(List.of());
            return all;
        }
        int[] left = {futures.size()};
        for (LoopFuture<T> future : futures) {
            future.addDoneCallback(done -> {
                if (all.isDone()) {
                    return;
                }
                try {
                    done.result();
                } catch (Exception e) {
                    all.setException(e);
                    return;
                }
                if (--left[0] == 0) {
                    List<T> results = new ArrayList<>(futures.size());
                    for (LoopFuture<T> f : futures) {
                        try {
                            results.add(f.result());
                        } catch (Exception impossible) {
                            throw new IllegalStateException(impossible);
                        }
                    }
                    all.setResult(results);
                }
            });
        }
        return all;
    }

    /** The future {@link #sleep} awaits. */
    private static final class Sleep extends LoopFuture<Void> {

        private final Duration delay;

        Sleep(EventLoop loop, Duration delay) {
            super(loop);
            this.delay = delay;
        }

        @Override
        public String describe() {
            return "sleep " + millis(delay);
        }
    }

    /** The future of {@link #gather}: cancelling it cancels its children. */
    private static final class Gathering<T> extends LoopFuture<List<T>> {

        private final List<? extends LoopFuture<T>> futures;

        Gathering(EventLoop loop, List<? extends LoopFuture<T>> futures) {
            super(loop);
            this.futures = futures;
        }

        @Override
        public String describe() {
            return "gather of " + futures.size();
        }

        @Override
        public boolean cancel() {
            if (!super.cancel()) {
                return false;
            }
            futures.forEach(LoopFuture::cancel);
            return true;
        }
    }
}
