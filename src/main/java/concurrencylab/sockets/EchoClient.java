package concurrencylab.sockets;

import java.io.IOException;
import java.time.Duration;

/** A blocking client of the lab's echo protocol ({@link EchoFrames}), always on loopback. */
public final class EchoClient {

    private EchoClient() {
    }

    /** Bytes one round trip put on the wire in each direction. */
    public record Exchange(long bytesSent, long bytesReceived) {
    }

    /**
     * Connects to the lab's server on {@code port} of the loopback address, sends one frame, waits for the echo
     * and checks it is the same bytes. {@code timeout} bounds the connect and every read.
     */
    public static Exchange roundTrip(int port, byte[] payload, Duration timeout) throws IOException {
        try (EchoConnection connection = new EchoConnection(port, timeout)) {
            return connection.roundTrip(payload);
        }
    }
}
