package concurrencylab.compare;

import concurrencylab.sockets.EchoFrames;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** One blocking client connection to a lab echo server on loopback, for many round trips; one thread uses it. */
final class EchoConnection implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Socket socket = new Socket();
    private final DataOutputStream out;
    private final DataInputStream in;
    private final byte[] payload = new byte[Setup.PAYLOAD_BYTES];

    EchoConnection(int port) throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one frame and waits for its echo. */
    void roundTrip() throws IOException {
        EchoFrames.write(out, payload);
        if (EchoFrames.read(in) == null) {
            throw new IOException("the echo server closed the connection");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
