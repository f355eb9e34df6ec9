package concurrencylab.sockets;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's loopback echo server: answers every request frame ({@link EchoFrames}) with the same frame after
 * a fixed delay, the stand-in for a slow remote service. A run starts one on 127.0.0.1 on an ephemeral port
 * and closes it when it ends; no request ever names a host or a port.
 *
 * <p>States: OPEN (accepting) -> CLOSED, on {@link #close()}. Closing closes the listening socket and every
 * accepted connection, interrupts the handlers (which may be sleeping out a delay) and joins every thread the
 * server started, so none outlives it.
 *
 * <p>Fields: {@code listener}, {@code design}, {@code delay} are final; {@code connections} and
 * {@code handlers} are concurrent sets that handlers add themselves to and remove themselves from;
 * {@code closed} is the one-way state flag.
 */
public final class DelayEchoServer implements DelayServer {

    private static final Logger log = LoggerFactory.getLogger(DelayEchoServer.class);
    private static final int BACKLOG = 4096;
    private static final Duration JOIN_GRACE = Duration.ofSeconds(2);
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final ServerSocket listener;
    private final ServerDesign design;
    private final Duration delay;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder served = new LongAdder();
    private final Thread acceptor;
    private final String name = "lab-run-echo-" + SERVERS.incrementAndGet();

    private DelayEchoServer(ServerDesign design, Duration delay) throws IOException {
        this.design = design;
        this.delay = delay;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        this.acceptor = Thread.ofPlatform().name(name + "-acceptor").daemon().unstarted(this::acceptLoop);
    }

    /** Starts a server of the given design on an ephemeral loopback port. */
    public static DelayEchoServer start(ServerDesign design, Duration delay) throws IOException {
        if (!design.threaded()) {
            throw new IllegalArgumentException(design + " is served by an event loop (LoopServers), not by threads");
        }
        var server = new DelayEchoServer(design, delay);
        server.acceptor.start();
        return server;
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    public ServerDesign design() {
        return design;
    }

    /** Request frames answered (or being answered) so far. */
    public long requestsServed() {
        return served.sum();
    }

    private void acceptLoop() {
        var handlerNumber = new AtomicInteger();
        while (!closed.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed.get()) {
                    log.warn("{}: accept failed, closing: {}", name, e.toString());
                    close();
                }
                return;
            }
            connections.add(socket);
            if (closed.get()) {
                closeQuietly(socket);
                return;
            }
            switch (design) {
                case BLOCKING -> serve(socket);
                case THREAD_PER_CONNECTION -> startHandler(Thread.ofPlatform().daemon()
                        .name(name + "-conn-" + handlerNumber.incrementAndGet()), socket);
                case VIRTUAL_THREAD_PER_CONNECTION -> startHandler(Thread.ofVirtual()
                        .name(name + "-vconn-" + handlerNumber.incrementAndGet()), socket);
            }
        }
    }

    private void startHandler(Thread.Builder builder, Socket socket) {
        Thread handler = builder.unstarted(() -> {
            try {
                serve(socket);
            } finally {
                handlers.remove(Thread.currentThread());
            }
        });
        handlers.add(handler);
        handler.start();
    }

    /** Answers frames on one connection until the client closes it, the server closes, or a frame is bad. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            byte[] request;
            while ((request = EchoFrames.read(in)) != null) {
                if (delay.isPositive()) {
                    Thread.sleep(delay);
                }
                served.increment(); // counted before the answer leaves, so a client that has it sees the count
                EchoFrames.write(out, request);
            }
        } catch (IOException | InterruptedException e) {
            // The client went away, the frame was bad, or the server is closing: the connection ends either way.
        } finally {
            connections.remove(socket);
        }
    }

    /** Closes the listener and every connection, then waits (briefly) for every server thread to end. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(listener);
        connections.forEach(DelayEchoServer::closeQuietly);
        handlers.forEach(Thread::interrupt);
        acceptor.interrupt();
        long deadline = System.nanoTime() + JOIN_GRACE.toNanos();
        join(acceptor, deadline);
        for (Thread handler : handlers) {
            join(handler, deadline);
        }
        if (acceptor.isAlive() || !handlers.isEmpty()) {
            log.warn("{}: {} thread(s) still alive {} after close", name,
                    handlers.size() + (acceptor.isAlive() ? 1 : 0), JOIN_GRACE);
        }
    }

    private static void join(Thread thread, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(Duration.ofNanos(left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
