package concurrencylab.memory;

import java.util.concurrent.atomic.AtomicLong;

/** One counter in this process's memory, incremented by several threads the way a mode says. Thread-safe as stated. */
abstract sealed class SharedCounter {

    abstract void increment();

    abstract long value();

    static SharedCounter of(CounterMode mode) {
        return switch (mode) {
            case UNSYNCHRONIZED -> new Racy();
            case SYNCHRONIZED -> new Locked();
            case ATOMIC -> new Atomic();
            case PROCESSES -> throw new IllegalArgumentException("processes keep their counters in their own memory");
        };
    }

    /**
     * Not thread-safe, on purpose. Volatile only so the JIT cannot keep the value in a register and add all
     * increments at once; {@code value++} is still a read and a separate write, and two threads that read the same
     * value both write value + 1: one increment is lost.
     */
    static final class Racy extends SharedCounter {
        private volatile long value;

        @Override
        @SuppressWarnings("NonAtomicOperationOnVolatileField")
        void increment() {
            value++;
        }

        @Override
        long value() {
            return value;
        }
    }

    /** Guarded by its own monitor. */
    static final class Locked extends SharedCounter {
        private long value;

        @Override
        synchronized void increment() {
            value++;
        }

        @Override
        synchronized long value() {
            return value;
        }
    }

    /** One atomic read-modify-write per increment. */
    static final class Atomic extends SharedCounter {
        private final AtomicLong value = new AtomicLong();

        @Override
        void increment() {
            value.incrementAndGet();
        }

        @Override
        long value() {
            return value.get();
        }
    }
}
