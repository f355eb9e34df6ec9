package concurrencylab.sockets;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a loopback echo server serves its connections: the classic progression from blocking to concurrent. */
public enum ServerDesign {
    /** One thread accepts a connection and serves it to the end before it accepts the next: clients queue up. */
    @JsonProperty("blocking") BLOCKING,
    /** A new platform thread for every connection. */
    @JsonProperty("thread-per-connection") THREAD_PER_CONNECTION,
    /** A new virtual thread for every connection. */
    @JsonProperty("virtual-thread-per-connection") VIRTUAL_THREAD_PER_CONNECTION
}
