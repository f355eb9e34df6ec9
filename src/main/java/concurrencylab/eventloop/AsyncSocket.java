package concurrencylab.eventloop;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A non-blocking TCP connection for coroutines: each operation tries the channel first and, when it would block,
 * parks the calling task until the selector reports the channel ready. Loop-thread confined.
 */
public final class AsyncSocket implements AutoCloseable {

    private final EventLoop loop;
    private final SocketChannel channel;
    /**
     * What a recording of the loop calls this socket: "client 17's socket". An accepted socket is named after the task
     * that first waits on it (the one the acceptor handed it to), when it first does. Loop thread only.
     */
    private String label;

    AsyncSocket(EventLoop loop, SocketChannel channel, String label) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.label = label;
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /** Connects to {@code address}, parking the calling task until the connection is made. */
    public static AsyncSocket connect(InetSocketAddress address) throws Exception {
        EventLoop loop = Async.loop();
        SocketChannel channel = SocketChannel.open();
        try {
            AsyncSocket socket = new AsyncSocket(loop, channel, Task.current().name() + "'s socket");
            if (!channel.connect(address)) {
                Async.await(loop.whenReady(channel, SelectionKey.OP_CONNECT, socket.label));
                channel.finishConnect();
            }
            return socket;
        } catch (Exception e) {
            loop.closeChannel(channel);
            throw e;
        }
    }

    /** Accepts one connection on {@code server} (non-blocking), parking the calling task until one arrives. */
    public static AsyncSocket accept(ServerSocketChannel server) throws Exception {
        EventLoop loop = Async.loop();
        while (true) {
            SocketChannel accepted = server.accept();
            if (accepted != null) {
                try {
                    return new AsyncSocket(loop, accepted, null);
                } catch (IOException e) { // reset before we set it up: close it, do not leak it
                    accepted.close();
                    throw e;
                }
            }
            Async.await(loop.whenReady(server, SelectionKey.OP_ACCEPT, "the listening socket"));
        }
    }

    /** Reads what is there into {@code buffer}, parking until something is; -1 when the peer closed. */
    public int recv(ByteBuffer buffer) throws Exception {
        while (true) {
            int read = channel.read(buffer);
            if (read != 0) {
                return read;
            }
            Async.await(loop.whenReady(channel, SelectionKey.OP_READ, label()));
        }
    }

    /** Fills {@code buffer}, however many reads it takes; EOFException if the peer closes first. */
    public void recvExactly(ByteBuffer buffer) throws Exception {
        int wanted = buffer.remaining();
        while (buffer.hasRemaining()) {
            if (recv(buffer) < 0) {
                throw new EOFException("peer closed after " + (wanted - buffer.remaining()) + " of " + wanted + " bytes");
            }
        }
    }

    /** Writes all of {@code buffer}, parking whenever the socket's send buffer is full. */
    public void sendAll(ByteBuffer buffer) throws Exception {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                Async.await(loop.whenReady(channel, SelectionKey.OP_WRITE, label()));
            }
        }
    }

    private String label() {
        if (label == null) {
            label = Task.current().name() + "'s socket";
        }
        return label;
    }

    public SocketChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        loop.closeChannel(channel);
    }
}
