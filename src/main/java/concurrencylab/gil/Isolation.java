package concurrencylab.gil;

import concurrencylab.experiment.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The isolation check of one interpreters run: a thread writes a marker into interpreter 0's module state; another
 * thread, entering interpreter 0 afresh, must see it (so the check can see a marker at all), and a thread entering each
 * other interpreter must not. Each step runs on a new thread of its own, so nothing is carried by the thread.
 *
 * @param marker                the text written
 * @param sameInterpreterSawIt  whether another thread of interpreter 0 read it back
 * @param othersChecked         the other interpreters that were looked into
 * @param othersThatSawIt       the ids of those that saw it (none when they share no objects)
 */
public record Isolation(String marker, boolean sameInterpreterSawIt, int othersChecked,
        List<Integer> othersThatSawIt) {

    /** Whether the state stayed each interpreter's own, as the check saw it. */
    boolean holds() {
        return sameInterpreterSawIt && othersThatSawIt.isEmpty();
    }

    static Isolation check(List<SubInterpreter> interpreters, String marker, RunContext context) throws Exception {
        SubInterpreter first = interpreters.getFirst();
        ThreadFactory firstThreads = threadsOf(first, context);
        onNewThread(firstThreads, context, () -> first.exec((in, state) -> {
            state.mark(marker);
            return null;
        }));
        boolean sameSawIt = marker.equals(onNewThread(firstThreads, context,
                () -> first.exec((in, state) -> state.marker())));
        List<Integer> sawIt = new ArrayList<>();
        for (SubInterpreter other : interpreters.subList(1, interpreters.size())) {
            String seen = onNewThread(threadsOf(other, context), context,
                    () -> other.exec((in, state) -> state.marker()));
            if (marker.equals(seen)) {
                sawIt.add(other.id());
            }
        }
        return new Isolation(marker, sameSawIt, interpreters.size() - 1, List.copyOf(sawIt));
    }

    /** Threads named interpreter-k-check-n. */
    private static ThreadFactory threadsOf(SubInterpreter interpreter, RunContext context) {
        return context.platformThreads("interpreter-" + interpreter.id() + "-check");
    }

    private static <T> T onNewThread(ThreadFactory threads, RunContext context, Callable<T> step) throws Exception {
        FutureTask<T> future = new FutureTask<>(step);
        Thread thread = threads.newThread(future);
        thread.start();
        try {
            return future.get(Math.max(1, context.remaining().toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new InterruptedException("deadline passed during the isolation check");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.interrupt();
            thread.join();
        }
    }
}
