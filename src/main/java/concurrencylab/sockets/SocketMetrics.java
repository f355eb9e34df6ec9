package concurrencylab.sockets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code lab.socket.bytes}: bytes the lab's clients put on loopback sockets, by direction. */
@Component
public class SocketMetrics {

    private final Counter sent;
    private final Counter received;

    public SocketMetrics(MeterRegistry registry) {
        sent = bytes(registry, "sent");
        received = bytes(registry, "received");
    }

    private static Counter bytes(MeterRegistry registry, String direction) {
        return Counter.builder("lab.socket.bytes").baseUnit("bytes").tag("direction", direction)
                .description("Bytes the lab's clients sent to and received from its loopback servers")
                .register(registry);
    }

    public void record(long bytesSent, long bytesReceived) {
        sent.increment(bytesSent);
        received.increment(bytesReceived);
    }
}
