package concurrencylab.eventloop.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The thread each blocking client of the sockets experiment runs on. */
public enum ClientThreads {
    @JsonProperty("platform") PLATFORM,
    @JsonProperty("virtual") VIRTUAL
}
