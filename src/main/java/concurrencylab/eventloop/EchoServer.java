package concurrencylab.eventloop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A byte echo server on one {@link EventLoop}: one thread, no Spring, callback style (asyncio's Protocol), bound to
 * 127.0.0.1. Every connection keeps its read interest; what arrives is read into the server's one buffer and written
 * straight back; only when the socket cannot take it all does the connection keep the rest (a buffer of its own, as
 * big as the rest), stop reading and wait to be writable. One shared buffer instead of one per connection keeps a
 * thousand idle connections from costing 64 MiB, and accepting them from zeroing it. When accept fails (out of file descriptors),
 * the server stops watching its listener for {@link EventLoop#ACCEPT_RETRY_DELAY}, then accepts again: asyncio's
 * way, instead of spinning on a failing accept.
 *
 * <pre>
 *   java -cp target/classes concurrencylab.eventloop.EchoServer 9000
 * </pre>
 */
public final class EchoServer {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final EventLoop loop;
    private final ServerSocketChannel server;
    /** What a connection just read, on its way back; the loop thread only, empty between callbacks. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_BYTES);

    /** Binds 127.0.0.1:{@code port} (0: an ephemeral port) and starts accepting on {@code loop}. Loop thread. */
    public EchoServer(EventLoop loop, int port) throws IOException {
        this.loop = loop;
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.configureBlocking(false);
        loop.watch(server, SelectionKey.OP_ACCEPT, this::acceptAll, true);
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    private void acceptAll() {
        SocketChannel client = null;
        try {
            while ((client = server.accept()) != null) {
                client.configureBlocking(false);
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                new Connection(client).start();
                client = null;
            }
        } catch (IOException e) {
            if (client != null) {
                loop.closeChannel(client);
            }
            if (!server.isOpen()) {
                return;
            }
            System.getLogger(EchoServer.class.getName()).log(System.Logger.Level.WARNING,
                    "accept failed ({0}); accepting again in {1}", e.getMessage(), EventLoop.ACCEPT_RETRY_DELAY);
            loop.unwatch(server, SelectionKey.OP_ACCEPT);
            loop.callLater(EventLoop.ACCEPT_RETRY_DELAY, () -> {
                if (server.isOpen()) {
                    loop.watch(server, SelectionKey.OP_ACCEPT, this::acceptAll, true);
                }
            });
        }
    }

    /** One client connection; its fields are touched by the loop thread only. */
    private final class Connection {
        private final SocketChannel channel;
        /** Bytes read but not yet written back (null: none), while the connection waits to be writable. */
        private ByteBuffer unsent;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void start() {
            loop.watch(channel, SelectionKey.OP_READ, this::readable, true);
        }

        private void readable() {
            ByteBuffer buffer = readBuffer.clear();
            try {
                int read = channel.read(buffer);
                if (read < 0) {
                    loop.closeChannel(channel);
                    return;
                }
                buffer.flip();
                channel.write(buffer);
                if (buffer.hasRemaining()) {
                    unsent = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
                    loop.unwatch(channel, SelectionKey.OP_READ);
                    loop.watch(channel, SelectionKey.OP_WRITE, this::writable, true);
                }
            } catch (IOException e) {
                loop.closeChannel(channel);
            }
        }

        private void writable() {
            try {
                channel.write(unsent);
                if (!unsent.hasRemaining()) {
                    unsent = null;
                    loop.unwatch(channel, SelectionKey.OP_WRITE);
                    loop.watch(channel, SelectionKey.OP_READ, this::readable, true);
                }
            } catch (IOException e) {
                loop.closeChannel(channel);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: EchoServer <port>");
        }
        try (EventLoop loop = new EventLoop()) {
            EchoServer server = new EchoServer(loop, Integer.parseInt(args[0]));
            System.getLogger(EchoServer.class.getName()).log(System.Logger.Level.INFO,
                    "echo server on 127.0.0.1:{0}, one thread", String.valueOf(server.port()));
            loop.runForever();
        }
    }
}
