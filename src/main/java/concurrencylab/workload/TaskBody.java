package concurrencylab.workload;

/**
 * What one task of a run does, ready to be called from many threads at once. Closing it releases what the
 * workload set up for the run (the socket workload's server).
 */
public interface TaskBody extends AutoCloseable {

    void run() throws Exception;

    @Override
    default void close() {
    }
}
