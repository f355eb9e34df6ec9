package concurrencylab.timeline;

/** Something that happened at one instant on a lane of a timeline. */
public enum Mark {
    FORCED_SWITCH("forced-switch", "the GIL was handed over: forced switch (the holder dropped it on request)"),
    IO_SWITCH("io-switch", "the GIL was handed over: its holder released it for I/O"),
    EXIT_SWITCH("exit-switch", "the GIL was handed over: its holder finished its task"),
    DROP_REQUEST("drop-request", "a waiter asked the GIL holder to drop the lock"),
    SLOW_CALLBACK("slow-callback", "a callback held the loop longer than the slow-callback threshold"),
    TASK_DONE("task-done", "a task ended"),
    COPY("copy", "bytes crossed between interpreters, copied"),
    CANCEL("cancel", "the run was asked to stop");

    private final String tag;
    private final String label;

    Mark(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    public String tag() {
        return tag;
    }

    public String label() {
        return label;
    }
}
