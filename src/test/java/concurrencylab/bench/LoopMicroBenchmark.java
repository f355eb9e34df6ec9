package concurrencylab.bench;

import concurrencylab.eventloop.Async;
import concurrencylab.eventloop.EventLoop;
import concurrencylab.eventloop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two numbers of the loop proper: how many callbacks per second one thread runs through {@code callSoon}, and how
 * long 100,000 coroutines that each sleep 1 s take together (asyncio needs about 2.2 s for the same on this machine).
 *
 * <pre>
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
 *        -cp target/classes:target/test-classes:$(cat target/cp.txt) concurrencylab.bench.LoopMicroBenchmark
 * </pre>
 */
public final class LoopMicroBenchmark {

    private LoopMicroBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", JVM: "
                + System.getProperty("java.vm.version"));
        for (int round = 0; round < 3; round++) {
            callSoonChain(5_000_000);
            callSoonBatch(5_000_000);
        }
        System.out.printf(Locale.ROOT, "callSoon, each callback scheduling the next: %,.0f callbacks/s%n",
                callSoonChain(20_000_000));
        System.out.printf(Locale.ROOT, "callSoon, 1,000,000 scheduled then run:      %,.0f callbacks/s%n",
                callSoonBatch(1_000_000));
        sleepers(10_000); // warm-up
        System.out.printf(Locale.ROOT, "100,000 coroutines each sleeping 1 s:        %.3f s wall%n", sleepers(100_000));
    }

    private static double callSoonChain(int callbacks) throws Exception {
        try (EventLoop loop = new EventLoop()) {
            int[] left = {callbacks};
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (--left[0] > 0) {
                    loop.callSoon(next[0]);
                } else {
                    loop.stop();
                }
            };
            loop.callSoon(next[0]);
            long start = System.nanoTime();
            loop.runForever();
            return callbacks / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double callSoonBatch(int callbacks) throws Exception {
        try (EventLoop loop = new EventLoop()) {
            long[] ran = {0};
            Runnable count = () -> ran[0]++;
            long start = System.nanoTime();
            for (int i = 0; i < callbacks; i++) {
                loop.callSoon(count);
            }
            loop.runOnce();
            if (ran[0] != callbacks) {
                throw new IllegalStateException("ran " + ran[0]);
            }
            return callbacks / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double sleepers(int coroutines) throws Exception {
        try (EventLoop loop = new EventLoop()) {
            long start = System.nanoTime();
            List<Task<Void>> tasks = new ArrayList<>(coroutines);
            for (int i = 0; i < coroutines; i++) {
                tasks.add(loop.createTask(() -> {
                    Async.sleep(Duration.ofSeconds(1));
                    return null;
                }));
            }
            loop.runUntilComplete(Async.gather(loop, tasks));
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
