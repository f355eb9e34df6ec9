package concurrencylab.eventloop;

/** The body of a task: code that reads as sequential steps and suspends at {@link Async#await}. */
@FunctionalInterface
public interface Coroutine<T> {
    T run() throws Exception;
}
