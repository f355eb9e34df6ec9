package concurrencylab.gil;

import concurrencylab.workload.CpuWork;
import concurrencylab.workload.TickHook;
import java.time.Duration;

/**
 * A simulated interpreter: runs tasks the way CPython threads run Python code. With a lock, a task takes the
 * {@link GlobalInterpreterLock} when it starts, computes in ticks that may hand the lock to a waiter, releases it
 * around every blocking operation, and leaves it when it ends. Without one (free-threaded, like CPython 3.13t),
 * the same tasks run with nothing between them. Stateless apart from its lock; safe to share among threads.
 */
public final class Interpreter {

    /** What a task does inside the interpreter. */
    @FunctionalInterface
    public interface Task {
        void run(Interpreter interpreter) throws Exception;
    }

    /** A blocking operation: sleep or a socket round trip. */
    @FunctionalInterface
    public interface BlockingOperation {
        void run() throws Exception;
    }

    private final GlobalInterpreterLock gil;
    private final CpuWork cpu;
    private final TickHook hook;

    private Interpreter(GlobalInterpreterLock gil, CpuWork cpu) {
        this.gil = gil;
        this.cpu = cpu;
        this.hook = gil == null ? TickHook.INTERRUPTIBLE : gil::tick;
    }

    public static Interpreter withLock(GlobalInterpreterLock gil, CpuWork cpu) {
        return new Interpreter(gil, cpu);
    }

    public static Interpreter freeThreaded(CpuWork cpu) {
        return new Interpreter(null, cpu);
    }

    /** The lock, or null when free-threaded. */
    public GlobalInterpreterLock lock() {
        return gil;
    }

    /** Runs one task on the calling thread as a Python thread would: holding the lock while it runs. */
    public void run(Task task) throws Exception {
        if (gil != null) {
            gil.acquire();
        }
        try {
            task.run(this);
        } finally {
            if (gil != null) {
                gil.leave();
            }
        }
    }

    /** Computes for {@code work} of one core's time, offering the lock to a waiter between ticks. */
    public void compute(Duration work) throws InterruptedException {
        cpu.run(work, hook);
    }

    /** Runs a blocking operation with the lock released, and takes the lock back afterwards. */
    public void blocking(BlockingOperation operation) throws Exception {
        if (gil == null) {
            operation.run();
            return;
        }
        gil.release(SwitchReason.IO);
        long start = System.nanoTime();
        try {
            operation.run();
        } finally {
            gil.observer().blocked(System.nanoTime() - start);
            gil.acquire();
        }
    }
}
