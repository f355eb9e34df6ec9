package concurrencylab.experiment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CPU time threads spent on a run's own work, without the JVM's compiler, collector and other threads: what
 * "only one thread computed at a time" must be judged on, where the process's CPU time would also count a JIT
 * compiling in the background.
 *
 * <p>Thread-safe: tasks on any thread add what they measured on their own thread to one adder.
 */
public final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder nanos = new LongAdder();

    /** {@code body}, adding the CPU time the thread that runs it spends in it. */
    public Trial.Body counting(Trial.Body body) {
        return index -> {
            long start = now();
            try {
                body.run(index);
            } finally {
                nanos.add(now() - start);
            }
        };
    }

    /** The CPU time measured so far, all threads added up. */
    public long nanos() {
        return nanos.sum();
    }

    /** Cores these threads kept busy on average over a phase of {@code wallNanos}. */
    public double cores(long wallNanos) {
        return wallNanos == 0 ? 0 : (double) nanos.sum() / wallNanos;
    }

    private static long now() {
        long cpu = THREADS.getCurrentThreadCpuTime();
        return cpu < 0 ? 0 : cpu; // -1 where unsupported: then nothing is counted
    }
}
