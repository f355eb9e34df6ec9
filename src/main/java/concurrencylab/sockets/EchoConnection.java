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

/**
 * One blocking client connection to a lab echo server on {@code port} of the loopback address, for one round trip
 * or many (the port is always one the lab opened, never a user's). Not thread-safe: one thread uses it.
 */
public final class EchoConnection implements AutoCloseable {

    private final Socket socket = new Socket();
    private final DataOutputStream out;
    private final DataInputStream in;

    /** Connects; {@code timeout} bounds the connect and every read. */
    public EchoConnection(int port, Duration timeout) throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(millis);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), millis);
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends {@code payload} as one frame, waits for the echo and checks it is the same bytes. */
    public EchoClient.Exchange roundTrip(byte[] payload) throws IOException {
        EchoFrames.write(out, payload);
        byte[] echoed = EchoFrames.read(in);
        if (echoed == null) {
            throw new IOException("server closed the connection before answering");
        }
        if (!Arrays.equals(payload, echoed)) {
            throw new IOException("echo differs from the request");
        }
        return new EchoClient.Exchange(EchoFrames.frameBytes(payload.length), EchoFrames.frameBytes(echoed.length));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
