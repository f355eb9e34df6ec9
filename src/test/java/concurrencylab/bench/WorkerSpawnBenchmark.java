package concurrencylab.bench;

import concurrencylab.process.WorkerGroup;
import concurrencylab.process.Workers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * How long a worker process takes from {@code ProcessBuilder.start()} to its READY line, next to a bare
 * {@code java -version} (start to exit) of the same JVM on the same machine.
 *
 * <pre>
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) concurrencylab.bench.WorkerSpawnBenchmark [n]
 * </pre>
 *
 * Starts n (default 20) of each, one at a time, after 3 of each to warm the disk cache.
 */
public final class WorkerSpawnBenchmark {

    private WorkerSpawnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String java = ProcessHandle.current().info().command().orElseThrow();
        Workers workers = new Workers(new SimpleMeterRegistry());
        ThreadFactory readers = Thread.ofPlatform().daemon().factory();
        try {
            System.out.println("worker startup: " + workers.startup());
            for (int i = 0; i < 3; i++) {
                spawnWorker(workers, readers);
                javaVersion(java);
            }
            long[] worker = new long[n];
            long[] bare = new long[n];
            for (int i = 0; i < n; i++) {
                worker[i] = spawnWorker(workers, readers);
                bare[i] = javaVersion(java);
            }
            System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", JVM: " + java + " "
                    + System.getProperty("java.vm.version"));
            System.out.println(describe("worker, start to READY", worker));
            System.out.println(describe("java -version, start to exit", bare));
        } finally {
            workers.destroy();
        }
    }

    private static long spawnWorker(Workers workers, ThreadFactory readers) throws Exception {
        try (WorkerGroup group = workers.start(1, null, readers)) {
            return group.workers().getFirst().spawnNanos();
        }
    }

    private static long javaVersion(String java) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor();
        return System.nanoTime() - start;
    }

    private static String describe(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%-30s n=%d  p50 %6.1f ms  min %6.1f ms  max %6.1f ms", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
