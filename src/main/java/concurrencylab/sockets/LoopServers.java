package concurrencylab.sockets;

import concurrencylab.timeline.Timeline;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Starts the {@link ServerDesign#EVENT_LOOP event-loop} design of the delay-echo server. The event-loop package
 * provides it (a bean), so this package never depends on the loop: the loop depends on this package's frames.
 */
public interface LoopServers {

    /** Why this JVM cannot run the event loop (the JVM option it lacks), or empty. */
    Optional<String> unavailableReason();

    /**
     * Starts one on its own loop thread from {@code threads} and returns once it listens; the loop draws its lane on
     * {@code timeline} and records its passes there for the replay.
     */
    DelayServer start(Duration delay, ThreadFactory threads, Timeline timeline) throws IOException,
            InterruptedException;
}
