package concurrencylab.gil;

import concurrencylab.experiment.RunContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one interpreters phase: the n-th thread made belongs to interpreter n / threadsPerInterpreter (a
 * fixed pool makes one thread per submission until it is full, so with enough tasks every interpreter gets its
 * threads), named {@code interpreter-<k>-<n>}. A task asks which interpreter its thread runs in.
 *
 * <p>Thread-safe: the pool makes threads on submitting threads; the binding map is concurrent.
 */
final class InterpreterThreads implements ThreadFactory {

    private final List<SubInterpreter> interpreters;
    private final List<ThreadFactory> factories;
    private final int perInterpreter;
    private final AtomicInteger made = new AtomicInteger();
    private final Map<Thread, SubInterpreter> bound = new ConcurrentHashMap<>();

    InterpreterThreads(List<SubInterpreter> interpreters, int perInterpreter, RunContext context) {
        this.interpreters = interpreters;
        this.perInterpreter = perInterpreter;
        this.factories = interpreters.stream().map(in -> context.platformThreads("interpreter-" + in.id())).toList();
    }

    @Override
    public Thread newThread(Runnable body) {
        int k = (made.getAndIncrement() / perInterpreter) % interpreters.size();
        Thread thread = factories.get(k).newThread(() -> {
            try {
                body.run();
            } finally {
                bound.remove(Thread.currentThread());
            }
        });
        bound.put(thread, interpreters.get(k));
        return thread;
    }

    /** The interpreter the calling thread (one of this phase's) runs in. */
    SubInterpreter ofCurrentThread() {
        SubInterpreter interpreter = bound.get(Thread.currentThread());
        if (interpreter == null) {
            throw new IllegalStateException(Thread.currentThread().getName() + " is not an interpreter thread");
        }
        return interpreter;
    }
}
