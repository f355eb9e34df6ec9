package concurrencylab.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lock's invariants, driven by plain threads; no Spring. Timing checks use wide margins. */
class GlobalInterpreterLockTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    /** A "tick" of work: spins about 50 us, like the cpu workload's tick. */
    private static void spinTick() {
        long until = System.nanoTime() + 50_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static Thread start(String name, ThrowingRunnable body, List<Throwable> failures) {
        Thread thread = Thread.ofPlatform().name(name).start(() -> {
            try {
                body.run();
            } catch (InterruptedException expectedOnStop) {
                // a stopped thread leaves by InterruptedException
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        return thread;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void onlyOneThreadEverHoldsTheLockWhileThreadsComputeInTicks() throws Exception {
        var gil = new GlobalInterpreterLock(Duration.ofMillis(1), GilObserver.NONE);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(start("computing-" + t, () -> {
                gil.acquire();
                try {
                    for (int tick = 0; tick < 2_000; tick++) {
                        gil.tick();
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        spinTick();
                        inside.decrementAndGet();
                    }
                } finally {
                    gil.leave();
                }
            }, failures));
        }
        for (Thread thread : threads) {
            thread.join(GENEROUS);
        }
        assertThat(failures).isEmpty();
        assertThat(mostInside.get()).as("threads computing at once").isEqualTo(1);
        GilStats stats = gil.stats();
        assertThat(stats.switches().get(SwitchReason.FORCED)).as("forced switches").isGreaterThan(10);
        assertThat(gil.waiters()).isZero();
    }

    @Test
    void aWaiterAsksAfterOneIntervalAndTheHolderDropsAtItsNextTick() throws Exception {
        Duration interval = Duration.ofMillis(20);
        var gil = new GlobalInterpreterLock(interval, GilObserver.NONE);
        CountDownLatch holding = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requestSeenAt = new AtomicLong();
        AtomicLong ticksAfterRequest = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread holder = start("holder", () -> {
            gil.acquire();
            holding.countDown();
            try {
                while (!stop.get()) {
                    if (gil.isDropRequested() && gil.isHeldByCurrentThread()) {
                        requestSeenAt.compareAndSet(0, System.nanoTime());
                        ticksAfterRequest.incrementAndGet();
                    }
                    gil.tick();
                    spinTick();
                }
            } finally {
                gil.leave();
            }
        }, failures);
        holding.await();

        long start = System.nanoTime();
        gil.acquire();
        long waited = System.nanoTime() - start;
        stop.set(true);
        gil.leave();
        holder.join(GENEROUS);

        assertThat(failures).isEmpty();
        assertThat(waited).as("the waiter waits one interval before asking")
                .isGreaterThanOrEqualTo(interval.toNanos() * 9 / 10)
                .isLessThan(interval.toNanos() + Duration.ofMillis(200).toNanos());
        assertThat(ticksAfterRequest.get()).as("ticks the holder ran once it saw the drop request").isLessThanOrEqualTo(1);
        assertThat(gil.stats().switches().get(SwitchReason.FORCED)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aHolderThatDropsWaitsUntilTheWaiterHasTakenTheLock() throws Exception {
        var gil = new GlobalInterpreterLock(Duration.ofMillis(1), GilObserver.NONE);
        List<String> holders = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ThrowingRunnable computeAndLog = () -> {
            gil.acquire();
            try {
                String me = Thread.currentThread().getName();
                while (!stop.get()) {
                    gil.tick();
                    if (holders.isEmpty() || !holders.getLast().equals(me)) {
                        holders.add(me);
                    }
                    spinTick();
                }
            } finally {
                gil.leave();
            }
        };
        Thread a = start("a", computeAndLog, failures);
        Thread b = start("b", computeAndLog, failures);
        concurrencylab.Await.until("30 hand-overs", Duration.ofSeconds(10), () -> holders.size() > 30);
        stop.set(true);
        a.join(GENEROUS);
        b.join(GENEROUS);

        assertThat(failures).isEmpty();
        // Without forced switching the holder would often take the lock straight back; with it, every forced drop
        // hands the lock to the other thread, so the holders alternate.
        assertThat(holders.size()).as("hand-overs at a 1 ms interval").isGreaterThan(20);
        GilStats stats = gil.stats();
        assertThat(stats.switches().get(SwitchReason.FORCED)).isGreaterThanOrEqualTo(holders.size() - 2L);
    }

    @Test
    void blockingIoReleasesTheLockSoAnotherThreadTakesItAtOnce() throws Exception {
        var gil = new GlobalInterpreterLock(Duration.ofSeconds(5), GilObserver.NONE);
        var interpreter = Interpreter.withLock(gil, null);
        CountDownLatch inIo = new CountDownLatch(1);
        CountDownLatch finishIo = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread io = start("io", () -> interpreter.run(in -> in.blocking(() -> {
            inIo.countDown();
            finishIo.await();
        })), failures);
        inIo.await();

        long start = System.nanoTime();
        gil.acquire();
        long waited = System.nanoTime() - start;
        finishIo.countDown();
        gil.leave();
        io.join(GENEROUS);

        assertThat(failures).isEmpty();
        assertThat(Duration.ofNanos(waited)).as("far less than the 5 s switch interval").isLessThan(Duration.ofSeconds(1));
        assertThat(gil.stats().switches().get(SwitchReason.IO)).isEqualTo(1);
    }

    @Test
    void manyThreadsMixingIoAndComputeAllFinish() {
        var gil = new GlobalInterpreterLock(Duration.ofNanos(200_000), GilObserver.NONE);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                threads.add(start("mixed-" + t, () -> {
                    for (int round = 0; round < 200; round++) {
                        gil.acquire();
                        try {
                            gil.tick();
                            spinTick();
                            gil.release(SwitchReason.IO);
                            Thread.onSpinWait();
                            gil.acquire();
                            gil.tick();
                        } finally {
                            gil.leave();
                        }
                    }
                }, failures));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }, "a lost wake-up would leave a thread waiting for ever");
        assertThat(failures).isEmpty();
        // Each forced switch inside tick() adds one more acquisition.
        assertThat(gil.stats().acquisitions()).isGreaterThanOrEqualTo(8 * 200 * 2);
        assertThat(gil.waiters()).isZero();
    }

    @Test
    void interruptedThreadsLeaveAndNobodyIsLeftWaiting() throws Exception {
        var gil = new GlobalInterpreterLock(Duration.ofMillis(2), GilObserver.NONE);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(start("endless-" + t, () -> {
                gil.acquire();
                try {
                    while (true) {
                        gil.tick();
                        spinTick();
                    }
                } finally {
                    gil.leave();
                }
            }, failures));
        }
        concurrencylab.Await.until("one holder and three waiters", Duration.ofSeconds(10), () -> gil.waiters() == 3);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(2));
            assertThat(thread.isAlive()).as(thread.getName() + " still alive after interrupt").isFalse();
        }
        assertThat(failures).isEmpty();
        assertThat(gil.waiters()).isZero();
        // The lock is free: a newcomer takes it without waiting an interval.
        long start = System.nanoTime();
        gil.acquire();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        gil.leave();
    }

    @Test
    void onlyTheHolderMayReleaseAndNobodyTakesItTwice() throws Exception {
        var gil = new GlobalInterpreterLock(Duration.ofMillis(5), GilObserver.NONE);
        assertThatThrownBy(() -> gil.release(SwitchReason.IO)).isInstanceOf(IllegalMonitorStateException.class);
        gil.acquire();
        assertThatThrownBy(gil::acquire).isInstanceOf(IllegalStateException.class);
        gil.leave();
        gil.leave(); // leaving a lock one does not hold does nothing
        assertThat(gil.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void theObserverHearsEveryAcquisitionAndSwitch() throws Exception {
        AtomicInteger acquisitions = new AtomicInteger();
        AtomicInteger forced = new AtomicInteger();
        var gil = new GlobalInterpreterLock(Duration.ofMillis(1), new GilObserver() {
            @Override
            public void acquired(long waitNanos) {
                acquisitions.incrementAndGet();
            }

            @Override
            public void switched(SwitchReason reason, long handoffNanos) {
                if (reason == SwitchReason.FORCED) {
                    forced.incrementAndGet();
                }
            }
        });
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ThrowingRunnable compute = () -> {
            gil.acquire();
            try {
                for (int tick = 0; tick < 1_000; tick++) {
                    gil.tick();
                    spinTick();
                }
            } finally {
                gil.leave();
            }
        };
        Thread a = start("a", compute, failures);
        Thread b = start("b", compute, failures);
        a.join(GENEROUS);
        b.join(GENEROUS);

        GilStats stats = gil.stats();
        assertThat(failures).isEmpty();
        assertThat((long) acquisitions.get()).isEqualTo(stats.acquisitions());
        assertThat((long) forced.get()).isEqualTo(stats.switches().get(SwitchReason.FORCED)).isPositive();
    }
}
