package concurrencylab.sockets;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** The thread each blocking client of the sockets experiment runs on. */
public enum ClientThreads implements Tagged {
    @JsonProperty("platform") PLATFORM,
    @JsonProperty("virtual") VIRTUAL
}
