package concurrencylab.threads;

import concurrencylab.timeline.Counter;
import concurrencylab.timeline.Timeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntSupplier;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * Samples the JVM's platform thread count and the virtual-thread scheduler every few milliseconds on a thread
 * of its own, keeping the peaks and drawing them on the run's timeline beside the tasks in flight: many virtual
 * threads, few OS threads.
 *
 * <p>States: created -> sampling ({@link #start}) -> stopped ({@link #close}, which joins the thread). The peak
 * fields and the counters are written only by the sampling thread; the peaks are read after {@link #close} has
 * joined it.
 */
final class ThreadSampler implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final VirtualThreadSchedulerMXBean SCHEDULER =
            ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);

    private final Thread thread;
    private final IntSupplier inFlight;
    private final Counter inFlightCounter;
    private final Counter platformCounter;
    private final Counter mountedCounter;
    private volatile boolean running = true;
    private int peakPlatformThreads;
    private int peakCarrierThreads;
    private int peakMounted;
    private int samples;

    private ThreadSampler(ThreadFactory factory, Timeline timeline, IntSupplier inFlight) {
        this.inFlight = inFlight;
        this.inFlightCounter = timeline.counter("threads over time", "tasks in flight");
        this.platformCounter = timeline.counter("threads over time", "OS (platform) threads in the JVM");
        this.mountedCounter = timeline.counter("threads over time", "virtual threads mounted on a carrier");
        thread = factory.newThread(this::loop);
    }

    /** Starts sampling; {@code inFlight} counts the tasks running now. */
    static ThreadSampler start(ThreadFactory factory, Timeline timeline, IntSupplier inFlight) {
        var sampler = new ThreadSampler(factory, timeline, inFlight);
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
        long now = System.nanoTime();
        int platform = THREADS.getThreadCount();
        int mounted = SCHEDULER.getMountedVirtualThreadCount();
        peakPlatformThreads = Math.max(peakPlatformThreads, platform);
        peakCarrierThreads = Math.max(peakCarrierThreads, SCHEDULER.getPoolSize());
        peakMounted = Math.max(peakMounted, mounted);
        samples++;
        inFlightCounter.sample(now, inFlight.getAsInt());
        platformCounter.sample(now, platform);
        mountedCounter.sample(now, mounted);
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
