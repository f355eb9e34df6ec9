package concurrencylab.threads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * Samples the JVM's platform thread count and the virtual-thread scheduler every few milliseconds on a thread
 * of its own, keeping the peaks.
 *
 * <p>States: created -> sampling ({@link #start}) -> stopped ({@link #close}, which joins the thread). The peak
 * fields are written only by the sampling thread and read after {@link #close} has joined it.
 */
final class ThreadSampler implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final VirtualThreadSchedulerMXBean SCHEDULER =
            ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);

    private final Thread thread;
    private volatile boolean running = true;
    private int peakPlatformThreads;
    private int peakCarrierThreads;
    private int peakMounted;
    private int samples;

    private ThreadSampler(ThreadFactory factory) {
        thread = factory.newThread(this::loop);
    }

    static ThreadSampler start(ThreadFactory factory) {
        var sampler = new ThreadSampler(factory);
        sampler.thread.start();
        return sampler;
    }

    static int platformThreadsNow() {
        return THREADS.getThreadCount();
    }

    static int carrierParallelism() {
        return SCHEDULER.getParallelism();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                break;
            }
        }
        sample();
    }

    private void sample() {
        peakPlatformThreads = Math.max(peakPlatformThreads, THREADS.getThreadCount());
        peakCarrierThreads = Math.max(peakCarrierThreads, SCHEDULER.getPoolSize());
        peakMounted = Math.max(peakMounted, SCHEDULER.getMountedVirtualThreadCount());
        samples++;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    int peakPlatformThreads() {
        return peakPlatformThreads;
    }

    int peakCarrierThreads() {
        return peakCarrierThreads;
    }

    int peakMounted() {
        return peakMounted;
    }

    int samples() {
        return samples;
    }
}
