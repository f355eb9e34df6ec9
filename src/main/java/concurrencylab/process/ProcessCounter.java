package concurrencylab.process;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One counter per process, in that process's own memory (a static field): the same code counts in the service, on
 * its threads, and in a worker process, in the worker's memory. Threads of one process all see and change the one
 * value; a worker process starts from its own, never from the service's. The shared-memory experiment sets it to
 * a marker and looks who sees the marker.
 *
 * <p>Thread-safe: an atomic counter, so threads that count together lose nothing (losing updates is another
 * experiment).
 */
public final class ProcessCounter {

    private static final AtomicLong VALUE = new AtomicLong();

    private ProcessCounter() {
    }

    /** What this process's counter reads. */
    public static long read() {
        return VALUE.get();
    }

    public static void set(long value) {
        VALUE.set(value);
    }

    /**
     * Reads the counter, then adds {@code increments} to it one at a time; returns what it read first. Stops (throws)
     * within 65,536 increments of an interrupt, so a cancelled run does not wait for 50 million of them.
     */
    public static long countFrom(long increments) throws InterruptedException {
        long seen = VALUE.get();
        for (long i = 0; i < increments; i++) {
            VALUE.incrementAndGet();
            if ((i & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("counting stopped");
            }
        }
        return seen;
    }
}
