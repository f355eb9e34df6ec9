package concurrencylab.sockets;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** How a loopback delay-echo server serves its connections: the classic progression from blocking to an event loop. */
public enum ServerDesign implements Tagged {
    /** One thread accepts a connection and serves it to the end before it accepts the next: clients queue up. */
    @JsonProperty("blocking") BLOCKING,
    /** A new platform thread for every connection. */
    @JsonProperty("thread-per-connection") THREAD_PER_CONNECTION,
    /** A new virtual thread for every connection. */
    @JsonProperty("virtual-thread-per-connection") VIRTUAL_THREAD_PER_CONNECTION,
    /** The lab's event loop: every connection a coroutine on one thread with a Selector ({@link LoopServers}). */
    @JsonProperty("event-loop") EVENT_LOOP;

    /** Whether {@link DelayEchoServer} serves this design with threads (every one but the event loop). */
    public boolean threaded() {
        return this != EVENT_LOOP;
    }
}
