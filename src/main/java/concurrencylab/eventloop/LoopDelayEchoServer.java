package concurrencylab.eventloop;

import concurrencylab.sockets.DelayServer;
import concurrencylab.sockets.EchoFrames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The lab's delay-echo protocol ({@link EchoFrames}: each frame answered with the same frame after a delay) served by coroutines on one {@link EventLoop} of its own, on one thread: the "event-loop"
 * server design of the sockets experiment. Bound to 127.0.0.1 on an ephemeral port.
 *
 * <p>States: RUNNING (its thread runs the loop) -> CLOSED on {@link #close()}, which stops the loop from outside
 * through {@link EventLoop#execute}, waits for the thread to end, and leaves every channel and the selector closed.
 * If the server cannot start (no coroutines in this JVM, no port), {@link #start} throws and nothing stays open.
 * When accept fails (out of file descriptors) it stops accepting for {@link EventLoop#ACCEPT_RETRY_DELAY} and then
 * goes on, as asyncio does, instead of spinning or giving up.
 */
public final class LoopDelayEchoServer implements DelayServer {

    static {
        // Out of file descriptors the codec's class file could not be opened at the first frame: load it with the
        // server, as EventLoop loads its own classes.
        EchoFrames.class.getName();
    }

    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    /** Written by the server's thread before {@code started} opens; read after. */
    private volatile EventLoop loop;
    private volatile int port;
    private volatile Throwable failure;

    private LoopDelayEchoServer(Duration delay, ThreadFactory threads, LoopObserver observer) {
        this.thread = threads.newThread(() -> serve(delay, observer));
    }

    /** Starts the server on a thread from {@code threads} and waits until it listens. */
    public static LoopDelayEchoServer start(Duration delay, ThreadFactory threads) throws IOException,
            InterruptedException {
        return start(delay, threads, LoopObserver.NONE);
    }

    /** The same, its loop observed by {@code observer} (its lane, its recording). */
    public static LoopDelayEchoServer start(Duration delay, ThreadFactory threads, LoopObserver observer)
            throws IOException, InterruptedException {
        LoopDelayEchoServer server = new LoopDelayEchoServer(delay, threads, observer);
        server.thread.start();
        server.started.await();
        if (server.failure != null || server.port == 0) {
            server.close();
            throw new IOException("event-loop echo server did not start: " + server.failure, server.failure);
        }
        return server;
    }

    @Override
    public int port() {
        return port;
    }

    private void serve(Duration delay, LoopObserver observer) {
        // The listener is closed here whatever happens; the loop closes the connections and its selector.
        try (EventLoop own = new EventLoop(EventLoop.DEFAULT_SLOW_CALLBACK, observer);
                ServerSocketChannel listener = ServerSocketChannel.open()) {
            loop = own;
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
            listener.configureBlocking(false);
            own.createTask("acceptor", () -> acceptForever(own, listener, delay));
            port = listener.socket().getLocalPort();
            started.countDown();
            own.runForever();
        } catch (InterruptedException e) {
            // closed
        } catch (Throwable e) { // an Error too (e.g. IllegalAccessError): start() must not report a dead server as up
            failure = e;
            if (started.getCount() == 0) {
                System.getLogger(LoopDelayEchoServer.class.getName()).log(System.Logger.Level.ERROR,
                        "event-loop echo server stopped", e);
            }
        } finally {
            started.countDown();
        }
    }

    private static Void acceptForever(EventLoop loop, ServerSocketChannel listener, Duration delay) throws Exception {
        int accepted = 0;
        while (true) {
            AsyncSocket client;
            try {
                client = AsyncSocket.accept(listener);
            } catch (java.nio.channels.ClosedChannelException closed) {
                throw closed;
            } catch (IOException e) { // out of descriptors, most likely: wait, then accept again
                System.getLogger(LoopDelayEchoServer.class.getName()).log(System.Logger.Level.WARNING,
                        "accept failed ({0}); accepting again in {1}", e.getMessage(), EventLoop.ACCEPT_RETRY_DELAY);
                Async.sleep(EventLoop.ACCEPT_RETRY_DELAY);
                continue;
            }
            loop.createTask("connection " + accepted++, () -> echo(client, delay));
        }
    }

    private static Void echo(AsyncSocket client, Duration delay) throws Exception {
        try (client) {
            ByteBuffer header = EchoFrames.header();
            while (true) {
                header.clear();
                int first = client.recv(header);
                if (first < 0) {
                    return null; // the client is done
                }
                client.recvExactly(header);
                int length;
                try {
                    length = EchoFrames.payloadLength(header);
                } catch (IOException badFrame) {
                    return null;
                }
                ByteBuffer frame = ByteBuffer.allocate(EchoFrames.frameBytes(length)).put(header.flip());
                client.recvExactly(frame);
                if (!delay.isZero()) {
                    Async.sleep(delay);
                }
                client.sendAll(frame.flip());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        EventLoop running = loop;
        if (running != null && !running.isClosed()) {
            running.execute(running::stop);
        }
        thread.join(TimeUnit.SECONDS.toMillis(5));
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(2));
        }
    }
}
