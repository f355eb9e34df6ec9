package concurrencylab.bench;

import concurrencylab.eventloop.EchoServer;
import concurrencylab.eventloop.LoopObserver;
import concurrencylab.eventloop.LoopRecording;
import concurrencylab.eventloop.EventLoop;
import concurrencylab.experiment.ThreadAffinity;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Our {@link EchoServer} (one {@link EventLoop} thread) against Netty's NIO and epoll echo servers (one event-loop
 * thread each, TCP_NODELAY) under the same load generator: 50 and 1,000 connections, each with one 1 KiB request in
 * flight at a time, the servers taking turns round by round.
 *
 * <pre>
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) concurrencylab.bench.EchoBenchmark [seconds] [rounds]
 * </pre>
 *
 * Each server runs in its own JVM pinned to CPU 1 ({@code taskset -c 1}); the load generator (one thread with a
 * plain Selector) runs in this JVM, narrowed to CPU 0. Beside requests per second it reports what a round trip cost
 * the server: CPU time from {@code /proc/<pid>/stat} over the measured window, for the loop thread alone and for the
 * whole server process (its JIT and GC included), divided by the round trips served. The medians of the rounds are
 * printed. Set {@code ECHO_SERVER_JAVA_OPTS} to pass JVM options to the servers (a JFR recording, say).
 */
public final class EchoBenchmark {

    private static final int PAYLOAD = 1024;
    /** The loop threads' names start with this (a thread's comm in /proc keeps 15 characters). */
    private static final String LOOP_THREAD = "echo-loop";
    private static final double CLOCK_TICK_NANOS = 1e9 / 100; // USER_HZ, 100 on Linux

    private EchoBenchmark() {
    }

    enum Kind {
        OURS("ours (EventLoop)"), NETTY_NIO("Netty NIO"), NETTY_EPOLL("Netty epoll"),
        /** Our server with a replay recording every pass (as event-loop runs do), to price the recording. */
        OURS_RECORDED("ours, recording passes");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** CPU per round trip in microseconds: the loop thread's (and of it, in user mode), the whole process's. */
    record Result(double requestsPerSecond, double p50Micros, double p99Micros, double loopMicrosPerTrip,
            double loopUserMicrosPerTrip, double processMicrosPerTrip) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("serve")) {
            serve(Kind.valueOf(args[1]));
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", JVM: "
                + System.getProperty("java.vm.version") + ", " + seconds + " s per round after 1 s of warm-up, "
                + rounds + " rounds; servers on CPU 1, the load generator on CPU 0");
        List<ServerProcess> servers = new ArrayList<>();
        try (ThreadAffinity.Narrowing generatorOnCpu0 = ThreadAffinity.narrow(List.of(0))) {
            for (Kind kind : Kind.values()) {
                servers.add(new ServerProcess(kind));
            }
            for (int connections : new int[] {50, 1000}) {
                drive(servers.getFirst(), connections, 1); // each size's first round warms the servers' JIT
                drive(servers.get(1), connections, 1);
                drive(servers.get(2), connections, 1);
                List<List<Result>> results = new ArrayList<>();
                servers.forEach(s -> results.add(new ArrayList<>()));
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < servers.size(); i++) {
                        results.get(i).add(drive(servers.get(i), connections, seconds));
                    }
                }
                for (int i = 0; i < servers.size(); i++) {
                    print(servers.get(i).kind.label, connections, median(results.get(i)));
                }
                Result ours = median(results.get(0));
                for (int i = 1; i < servers.size(); i++) {
                    Result other = median(results.get(i));
                    System.out.printf(Locale.ROOT,
                            "  ours / %s at %d x 1 KiB: req/s %.2f, loop CPU per trip %.2f, process CPU per trip %.2f%n",
                            servers.get(i).kind.label, connections, ours.requestsPerSecond() / other.requestsPerSecond(),
                            ours.loopMicrosPerTrip() / other.loopMicrosPerTrip(),
                            ours.processMicrosPerTrip() / other.processMicrosPerTrip());
                }
            }
        } finally {
            servers.forEach(ServerProcess::close);
        }
    }

    private static Result median(List<Result> results) {
        return new Result(median(results, Result::requestsPerSecond), median(results, Result::p50Micros),
                median(results, Result::p99Micros), median(results, Result::loopMicrosPerTrip),
                median(results, Result::loopUserMicrosPerTrip), median(results, Result::processMicrosPerTrip));
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> field) {
        double[] values = results.stream().mapToDouble(field).sorted().toArray();
        return values[values.length / 2];
    }

    private static void print(String who, int connections, Result r) {
        System.out.printf(Locale.ROOT,
                "%-16s %5d x 1 KiB: %,9.0f req/s  p50 %7.1f us  p99 %8.1f us  CPU per trip: loop %5.2f us (user %4.2f),"
                        + " process %5.2f us%n",
                who, connections, r.requestsPerSecond(), r.p50Micros(), r.p99Micros(), r.loopMicrosPerTrip(),
                r.loopUserMicrosPerTrip(), r.processMicrosPerTrip());
    }

    /** Closed loop: every connection sends 1 KiB, reads it all back, sends again. */
    static Result drive(ServerProcess server, int connections, int seconds) throws IOException {
        try (Selector selector = Selector.open()) {
            ByteBuffer request = ByteBuffer.allocateDirect(PAYLOAD);
            while (request.hasRemaining()) {
                request.put((byte) 'x');
            }
            Conn[] conns = new Conn[connections];
            for (int i = 0; i < connections; i++) {
                java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port));
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
            long[] cpuBefore = null;
            for (Conn c : conns) {
                c.send(request);
            }
            while (System.nanoTime() < end) {
                selector.select(100);
                if (cpuBefore == null && System.nanoTime() >= measureFrom) {
                    cpuBefore = server.cpuTicks();
                }
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
                        if (cpuBefore != null) {
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
            long[] cpuAfter = server.cpuTicks();
            for (Conn c : conns) {
                c.channel.close();
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            double ticksToMicrosPerTrip = CLOCK_TICK_NANOS / 1e3 / Math.max(1, count);
            return new Result(count / (double) seconds, sorted[count / 2] / 1e3, sorted[(int) (count * 0.99)] / 1e3,
                    (cpuAfter[0] - cpuBefore[0]) * ticksToMicrosPerTrip,
                    (cpuAfter[1] - cpuBefore[1]) * ticksToMicrosPerTrip,
                    (cpuAfter[2] - cpuBefore[2]) * ticksToMicrosPerTrip);
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

    /** One echo server in its own JVM on CPU 1; it prints its port and serves until its stdin closes. */
    static final class ServerProcess implements AutoCloseable {
        final Kind kind;
        final int port;
        private final Process process;
        private final Path loopThreadStat;

        ServerProcess(Kind kind) throws IOException {
            this.kind = kind;
            List<String> command = new ArrayList<>(List.of("taskset", "-c", "1",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String opts = System.getenv("ECHO_SERVER_JAVA_OPTS");
            if (opts != null && !opts.isBlank()) {
                command.addAll(List.of(opts.replace("{kind}", kind.name().toLowerCase(Locale.ROOT)).trim().split("\\s+")));
            }
            command.addAll(List.of("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), EchoBenchmark.class.getName(), "serve", kind.name()));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("port ")) {
                line = out.readLine(); // a JVM option may print first (JFR does)
            }
            if (line == null) {
                throw new IOException(kind + " server did not start: " + line);
            }
            port = Integer.parseInt(line.substring(5).trim());
            loopThreadStat = findLoopThread();
        }

        private Path findLoopThread() throws IOException {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                return tasks.filter(t -> {
                    try {
                        return Files.readString(t.resolve("comm")).startsWith(LOOP_THREAD);
                    } catch (IOException e) {
                        return false;
                    }
                }).map(t -> t.resolve("stat")).min(Comparator.naturalOrder())
                        .orElseThrow(() -> new IOException(kind + ": no thread named " + LOOP_THREAD + "*"));
            }
        }

        /** CPU time in clock ticks: [the loop thread's, its user part, the whole process's]. */
        long[] cpuTicks() throws IOException {
            long[] loop = ticks(loopThreadStat);
            long[] whole = ticks(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return new long[] {loop[0] + loop[1], loop[0], whole[0] + whole[1]};
        }

        /** utime and stime, fields 14 and 15 of proc(5)'s stat. */
        private static long[] ticks(Path stat) throws IOException {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    /** The server side: starts {@code kind}, prints its port, and stops when stdin closes. */
    private static void serve(Kind kind) throws Exception {
        try (AutoCloseable server = switch (kind) {
            case OURS -> new Ours(false);
            case OURS_RECORDED -> new Ours(true);
            case NETTY_NIO -> new Netty(NioIoHandler.newFactory(), NioServerSocketChannel.class);
            case NETTY_EPOLL -> {
                Epoll.ensureAvailability();
                yield new Netty(EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
            }
        }) {
            System.out.println("port " + (server instanceof Ours o ? o.port : ((Netty) server).port));
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our stdin
            }
        }
    }

    /** Our echo server on its own thread. */
    private static final class Ours implements AutoCloseable {
        final int port;
        private final CompletableFuture<EventLoop> loop = new CompletableFuture<>();
        private final Thread thread;

        Ours(boolean recording) throws Exception {
            CompletableFuture<Integer> bound = new CompletableFuture<>();
            thread = Thread.ofPlatform().name(LOOP_THREAD).start(() -> {
                try (EventLoop own = recording ? new EventLoop(EventLoop.DEFAULT_SLOW_CALLBACK,
                        LoopRecording.keeping(50_000, LoopObserver.NONE)) : new EventLoop()) {
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

    /** A Netty transport, one event-loop thread for accepting and serving, echoing what it reads. */
    private static final class Netty implements AutoCloseable {
        final int port;
        private final EventLoopGroup group;

        Netty(IoHandlerFactory handler, Class<? extends io.netty.channel.ServerChannel> channelType)
                throws InterruptedException {
            group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(LOOP_THREAD), handler);
            io.netty.channel.Channel channel = new ServerBootstrap().group(group).channel(channelType)
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
