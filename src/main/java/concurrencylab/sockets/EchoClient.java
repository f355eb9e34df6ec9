package concurrencylab.sockets;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

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
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(millis);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), millis);
            var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            EchoFrames.write(out, payload);
            byte[] echoed = EchoFrames.read(in);
            if (echoed == null) {
                throw new IOException("server closed the connection before answering");
            }
            if (!Arrays.equals(payload, echoed)) {
                throw new IOException("echo differs from the request");
            }
            return new Exchange(EchoFrames.frameBytes(payload.length), EchoFrames.frameBytes(echoed.length));
        }
    }
}
