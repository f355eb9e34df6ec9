package concurrencylab.sockets;

import concurrencylab.experiment.About;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.ExperimentUnavailableException;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.ParamRule;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Trial;
import concurrencylab.experiment.Verdict;
import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The same client load as the event-loop experiment, over blocking sockets, one client thread per connection,
 * against each server design in turn: the road from a blocking server to a selector.
 */
@Component
class SocketsExperiment implements Experiment<SocketsParams> {

    private static final About<SocketsParams> ABOUT = new About<>("sockets", SocketsParams.class,
            "Sockets: blocking clients against four server designs",
            "Each client is a thread with a blocking socket: it writes its request and waits for the server's "
                    + "answer. The server is one of four designs, all on loopback: blocking (one connection at a time, so "
                    + "later clients wait their turn), a thread per connection, a virtual thread per connection, or the "
                    + "lab's event loop (one thread, a Selector). Meant to be compared with the event-loop experiment on "
                    + "the same load, e.g. {\"clients\": 50} on both.",
            List.of(Claim.C10, Claim.C14));

    private final SocketMetrics socketMetrics;
    private final LoopServers loopServers;

    SocketsExperiment(SocketMetrics socketMetrics, LoopServers loopServers) {
        this.socketMetrics = socketMetrics;
        this.loopServers = loopServers;
    }

    @Override
    public List<ParamRule<SocketsParams>> rules(LabLimits limits) {
        int platform = Math.min(limits.maxThreads(), limits.maxOpenConnections());
        return List.of(new ParamRule<>("clients", "at most lab.limits.max-open-connections = "
                        + limits.maxOpenConnections() + " clients, and with platform client threads at most " + platform
                        + " (lab.limits.max-threads bounds platform threads)", SocketsParams::clients,
                        p -> p.threads() == ClientThreads.PLATFORM ? platform : limits.maxOpenConnections()),
                ParamRule.requestBudget(SocketsParams::clients, SocketsParams::requestsPerClient));
    }

    @Override
    public void validate(SocketsParams params, LabLimits limits) {
        Experiment.super.validate(params, limits);
        if (params.server() == ServerDesign.EVENT_LOOP) {
            loopServers.unavailableReason().ifPresent(reason -> {
                throw new ExperimentUnavailableException(kind(), "server event-loop: " + reason);
            });
        }
    }

    @Override
    public List<String> limitations() {
        return loopServers.unavailableReason().map(reason -> List.of("server event-loop: " + reason)).orElse(List.of());
    }

    @Override
    public About<SocketsParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(SocketsParams p) {
        return new RunTags(p.server().tag() + "-server-" + p.threads().tag() + "-clients",
                "socket");
    }


    /** {@inheritDoc} */
    @Override
    public Optional<SocketsParams> warmUp() {
        return Optional.of(new SocketsParams(10, 2, null, 5, null, null));
    }
    @Override
    public ExperimentResult run(SocketsParams p, RunContext context) throws Exception {
        Duration delay = Duration.ofMillis(p.serverDelayMs());
        Trial trial = Trial.plan(context, p.clients(), 1);
        int frameBytes = EchoFrames.frameBytes(p.payloadBytes());
        byte[] payload = new byte[p.payloadBytes()];
        Arrays.fill(payload, (byte) 'x');
        long[] latencies = new long[p.clients() * p.requestsPerClient()];
        long[] sentTimes = new long[latencies.length];
        long[] answerTimes = new long[latencies.length];
        long[] firstAnswer = new long[p.clients()];
        AtomicLong sent = new AtomicLong();
        AtomicLong echoed = new AtomicLong();
        Set<Socket> open = ConcurrentHashMap.newKeySet();
        context.onStop(() -> open.forEach(SocketsExperiment::closeQuietly));
        Measured measured;
        try (DelayServer server = startServer(p.server(), delay, context)) {
            int port = server.port();
            ExecutorService clients = Executors.newThreadPerTaskExecutor(p.threads() == ClientThreads.PLATFORM
                    ? context.platformThreads("client") : context.virtualThreads("client"));
            long start = System.nanoTime();
            measured = trial.run(clients, client -> {
                Lane lane = context.tasks().taskLane(client); // null unless this client is drawn
                try (Socket socket = new Socket()) {
                    open.add(socket); // a stop closes them all, which unblocks their reads
                    socket.setTcpNoDelay(true);
                    long connecting = System.nanoTime();
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
                    if (lane != null) {
                        lane.interval(LaneState.IO, connecting, System.nanoTime());
                    }
                    var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
                    var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                    for (int r = 0; r < p.requestsPerClient(); r++) {
                        long sentAt = System.nanoTime();
                        EchoFrames.write(out, payload);
                        sent.addAndGet(frameBytes);
                        byte[] answer = EchoFrames.read(in);
                        if (answer == null) {
                            throw new EOFException("the server closed the connection of client " + client);
                        }
                        long now = System.nanoTime();
                        echoed.addAndGet(EchoFrames.frameBytes(answer.length));
                        int request = client * p.requestsPerClient() + r;
                        latencies[request] = now - sentAt;
                        sentTimes[request] = sentAt;
                        answerTimes[request] = now;
                        if (lane != null) {
                            lane.interval(LaneState.IO, sentAt, now, r); // sent, then waited for the answer
                        }
                        if (r == 0) {
                            firstAnswer[client] = now - start;
                        }
                    }
                }
            }).measured();
        }
        socketMetrics.record(sent.get(), echoed.get());
        var details = new SocketsDetails(p.server().tag(), p.threads().tag(), p.clients(),
                p.requestsPerClient(), p.payloadBytes(), p.serverDelayMs(), latencies.length,
                Numbers.round(latencies.length / measured.wallSeconds(), 1), sent.get(), echoed.get(),
                LatencyStats.ofNanos(latencies), LatencyStats.ofNanos(firstAnswer),
                Numbers.round(p.requestsPerClient() * p.serverDelayMs() / 1000.0, 3),
                p.server() == ServerDesign.BLOCKING ? LatencyStats.ofNanos(onceServed(sentTimes, answerTimes)) : null);
        return ExperimentResult.of(measured, null, p.clients(), details.requestLatency(),
                List.of(bytesMakeTheRoundTrip(details), servedTogether(p, details)), details);
    }

    private DelayServer startServer(ServerDesign design, Duration delay, RunContext context)
            throws IOException, InterruptedException {
        DelayServer started = design == ServerDesign.EVENT_LOOP
                ? loopServers.start(delay, context.platformThreads("server-loop"), context.timeline())
                : DelayEchoServer.start(design, delay);
        context.onStop(() -> closeQuietly(started));
        return started;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    /**
     * For a server that serves one request at a time: each request's wait from when the server could take it up (it
     * had been sent and the server had sent the answer before) to its own answer. Requests in the order answered.
     */
    static long[] onceServed(long[] sent, long[] answered) {
        Integer[] order = new Integer[answered.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, java.util.Comparator.comparingLong(i -> answered[i]));
        long[] waits = new long[order.length];
        long previousAnswer = Long.MIN_VALUE;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            waits[k] = answered[i] - Math.max(sent[i], previousAnswer);
            previousAnswer = answered[i];
        }
        return waits;
    }

    /**
     * C10: every byte a client sent came back, and a client waited about the server's delay for each answer once the
     * server served it. With a blocking server a request also queues behind earlier clients: that is C14's lesson, so
     * C10 reads the wait from when the server could take the request up ({@link SocketsDetails#onceServed}).
     */
    static Verdict bytesMakeTheRoundTrip(SocketsDetails d) {
        boolean queues = d.onceServed() != null;
        double p50 = queues ? d.onceServed().p50Ms() : d.requestLatency().p50Ms();
        if (d.serverDelayMs() == 0) {
            return Verdict.cannotShow(Claim.C10, String.format(Locale.ROOT, "%d clients sent %,d bytes and read %,d "
                    + "back in %.2f ms at the median, but with no server delay the wait for an answer cannot be told "
                    + "from the trip through the loopback: give serverDelayMs", d.clients(), d.bytesSent(),
                    d.bytesEchoed(), p50));
        }
        boolean confirmed = d.bytesSent() == d.bytesEchoed() && d.bytesSent() > 0 && p50 >= d.serverDelayMs() * 0.9
                && p50 <= d.serverDelayMs() * 3 + 20;
        return Verdict.of(Claim.C10, confirmed, String.format(Locale.ROOT,
                "%d clients sent %,d bytes and read %,d back; a request waited %.1f ms for its answer at the median "
                        + "%sagainst a %d ms server delay (counted as shown from 0.9x to 3x + 20 ms)",
                d.clients(), d.bytesSent(), d.bytesEchoed(), p50, queues ? String.format(Locale.ROOT, "once the "
                        + "blocking server took it up (%.1f ms in all, its turn behind earlier clients included: "
                        + "C14) ", d.requestLatency().p50Ms()) : "", d.serverDelayMs()));
    }

    /** C14: a blocking server makes later clients wait their turn; every other design serves them together. */
    static Verdict servedTogether(SocketsParams p, SocketsDetails d) {
        double lastFirst = d.firstAnswerWait().maxMs();
        double oneClient = (double) p.requestsPerClient() * p.serverDelayMs();
        if (p.clients() < 2 || p.serverDelayMs() == 0) {
            return Verdict.cannotShow(Claim.C14, "needs 2 or more clients and a server delay to show who waits for "
                    + "whom");
        }
        if (p.server() == ServerDesign.BLOCKING) {
            double expected = (p.clients() - 1) * oneClient;
            return Verdict.of(Claim.C14, lastFirst >= 0.5 * expected, String.format(Locale.ROOT,
                    "the blocking server served one connection at a time: half the clients waited %.1f ms or more for "
                            + "their first answer, the last %.1f ms, about (clients - 1) x requests x delay = %.0f ms "
                            + "(counted as shown from half of it); %.2f s if it had served them together",
                    d.firstAnswerWait().p50Ms(), lastFirst, expected, d.idealSeconds()));
        }
        double most = 3 * p.serverDelayMs() + 100;
        return Verdict.of(Claim.C14, lastFirst <= most, String.format(Locale.ROOT,
                "the %s server served all %d clients together: the last client's first answer came after %.1f ms "
                        + "(counted as shown up to %.0f ms); a blocking server would have made it wait about %.0f ms",
                p.server().tag(), p.clients(), lastFirst, most, (p.clients() - 1) * oneClient));
    }
}
