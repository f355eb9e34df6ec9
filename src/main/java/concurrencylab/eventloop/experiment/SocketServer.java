package concurrencylab.eventloop.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.sockets.ServerDesign;

/** The design of the loopback server the sockets experiment's clients talk to. */
public enum SocketServer {
    /** One thread, one connection at a time: later clients wait their turn. */
    @JsonProperty("blocking") BLOCKING(ServerDesign.BLOCKING),
    /** A platform thread per connection. */
    @JsonProperty("thread-per-connection") THREAD_PER_CONNECTION(ServerDesign.THREAD_PER_CONNECTION),
    /** A virtual thread per connection. */
    @JsonProperty("virtual-thread-per-connection") VIRTUAL_THREAD_PER_CONNECTION(
            ServerDesign.VIRTUAL_THREAD_PER_CONNECTION),
    /** The lab's event loop: every connection a coroutine on one thread with a Selector. */
    @JsonProperty("event-loop") EVENT_LOOP(null);

    /** The threaded design, or null for the event loop. */
    final ServerDesign design;

    SocketServer(ServerDesign design) {
        this.design = design;
    }

    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
