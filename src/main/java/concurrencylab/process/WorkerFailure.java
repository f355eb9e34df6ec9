package concurrencylab.process;

/** A worker process crashed, hung, or said something that is not the protocol; the message names the worker. */
public class WorkerFailure extends Exception {

    public WorkerFailure(String message) {
        super(message);
    }
}
