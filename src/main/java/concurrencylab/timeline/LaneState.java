package concurrencylab.timeline;

/** What a lane (a thread, a process, a coroutine, a client) is doing during one interval of a timeline. */
public enum LaneState {
    QUEUED("queued", "waiting for a pool thread", "#c7c7c7"),
    RUNNING("running", "running (a task: started, not done)", "#2e7d32"),
    GIL_WAIT("gil-wait", "waiting for the GIL", "#e53935"),
    GIL_HELD("gil-held", "holding the GIL", "#9ccc65"),
    IO("io", "in I/O (lock released)", "#1e88e5"),
    SLEEPING("sleeping", "sleeping", "#90caf9"),
    SPAWNING("spawning", "spawning (process start to READY)", "#8e24aa"),
    SELECTING("selecting", "the loop waiting in select", "#b0bec5"),
    CALLBACKS("callbacks", "running callbacks (a loop pass)", "#fb8c00"),
    SUSPENDED("suspended", "suspended (coroutine parked)", "#ffe082"),
    COPYING("copying", "copying bytes across interpreters (no object crosses)", "#795548");

    private final String tag;
    private final String label;
    private final String colour;

    LaneState(String tag, String label, String colour) {
        this.tag = tag;
        this.label = label;
        this.colour = colour;
    }

    /** Its short name in a trace and a picture's CSS class. */
    public String tag() {
        return tag;
    }

    /** What it means, for a legend. */
    public String label() {
        return label;
    }

    /** Its colour in the picture. */
    public String colour() {
        return colour;
    }
}
