package concurrencylab.bench;

import concurrencylab.eventloop.EchoServer;
import concurrencylab.eventloop.EventLoop;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Our {@link EchoServer} (one {@link EventLoop} thread) against a Netty NIO echo server (one event-loop thread,
 * TCP_NODELAY) under the same load generator, in one run, alternating: 50 and 1,000 connections, each with one
 * 1 KiB request in flight at a time.
 *
 * <pre>
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) concurrencylab.bench.EchoBenchmark [seconds]
 * </pre>
 *
 * The generator is one thread with a plain Selector, the same for both servers; with the server on the other core,
 * the two of them share this 2-core machine, so the figures compare the servers, not the machine's ceiling.
 */
public final class EchoBenchmark {

    private static final int PAYLOAD = 1024;

    private EchoBenchmark() {
    }

    record Result(double requestsPerSecond, double p50Micros, double p99Micros) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", JVM: "
                + System.getProperty("java.vm.version") + ", " + seconds + " s per round after 1 s of warm-up");
        try (Ours ours = new Ours(); Netty netty = new Netty()) {
            for (int connections : new int[] {50, 1000}) {
                Result[] best = new Result[2];
                for (int round = 0; round < 2; round++) {
                    best[0] = better(best[0], drive(ours.port, connections, seconds));
                    best[1] = better(best[1], drive(netty.port, connections, seconds));
                }
                print("ours (EventLoop)", connections, best[0]);
                print("Netty NIO       ", connections, best[1]);
                System.out.printf(Locale.ROOT, "  ours / Netty at %d x 1 KiB: %.2f%n", connections,
                        best[0].requestsPerSecond() / best[1].requestsPerSecond());
            }
        }
    }

    private static Result better(Result a, Result b) {
        return a == null || b.requestsPerSecond() > a.requestsPerSecond() ? b : a;
    }

    private static void print(String who, int connections, Result r) {
        System.out.printf(Locale.ROOT, "%s %5d x 1 KiB: %,9.0f req/s  p50 %7.1f us  p99 %8.1f us%n", who,
                connections, r.requestsPerSecond(), r.p50Micros(), r.p99Micros());
    }

    /** Closed loop: every connection sends 1 KiB, reads it all back, sends again. */
    static Result drive(int port, int connections, int seconds) throws IOException {
        try (Selector selector = Selector.open()) {
            ByteBuffer request = ByteBuffer.allocateDirect(PAYLOAD);
            while (request.hasRemaining()) {
                request.put((byte) 'x');
            }
            Conn[] conns = new Conn[connections];
            for (int i = 0; i < connections; i++) {
                java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                conns[i] = new Conn(ch);
                ch.register(selector, SelectionKey.OP_READ, conns[i]);
            }
            long start = System.nanoTime();
            long measureFrom = start + 1_000_000_000L;
            long end = measureFrom + seconds * 1_000_000_000L;
            long[] latencies = new long[1 << 20];
            int count = 0;
            for (Conn c : conns) {
                c.send(request);
            }
            while (System.nanoTime() < end) {
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Conn c = (Conn) key.attachment();
                    int read = c.channel.read(c.in);
                    if (read < 0) {
                        throw new IOException("server closed a connection");
                    }
                    if (!c.in.hasRemaining()) {
                        long now = System.nanoTime();
                        if (now >= measureFrom) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = now - c.sentAt;
                        }
                        c.in.clear();
                        c.send(request);
                    }
                }
            }
            for (Conn c : conns) {
                c.channel.close();
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return new Result(count / (double) seconds, sorted[count / 2] / 1e3, sorted[(int) (count * 0.99)] / 1e3);
        }
    }

    private static final class Conn {
        final java.nio.channels.SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocateDirect(PAYLOAD);
        long sentAt;

        Conn(java.nio.channels.SocketChannel channel) {
            this.channel = channel;
        }

        void send(ByteBuffer request) throws IOException {
            ByteBuffer out = request.duplicate().rewind();
            sentAt = System.nanoTime();
            while (out.hasRemaining()) {
                channel.write(out); // 1 KiB into an empty send buffer: in one go on loopback
            }
        }
    }

    /** Our echo server on its own thread. */
    private static final class Ours implements AutoCloseable {
        final int port;
        private final CompletableFuture<EventLoop> loop = new CompletableFuture<>();
        private final Thread thread;

        Ours() throws Exception {
            CompletableFuture<Integer> bound = new CompletableFuture<>();
            thread = Thread.ofPlatform().name("ours-echo-loop").start(() -> {
                try (EventLoop own = new EventLoop()) {
                    EchoServer server = new EchoServer(own, 0);
                    loop.complete(own);
                    bound.complete(server.port());
                    own.runForever();
                } catch (Exception e) {
                    bound.completeExceptionally(e);
                }
            });
            port = bound.get();
        }

        @Override
        public void close() throws Exception {
            EventLoop own = loop.get();
            own.execute(own::stop);
            thread.join();
        }
    }

    /** Netty's NIO transport, one event-loop thread for accepting and serving, echoing what it reads. */
    private static final class Netty implements AutoCloseable {
        final int port;
        private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

        Netty() throws InterruptedException {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ctx.write(msg);
                                }

                                @Override
                                public void channelReadComplete(ChannelHandlerContext ctx) {
                                    ctx.flush();
                                }
                            });
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            port = ((InetSocketAddress) channel.localAddress()).getPort();
        }

        @Override
        public void close() {
            group.shutdownGracefully().syncUninterruptibly();
        }
    }
}
