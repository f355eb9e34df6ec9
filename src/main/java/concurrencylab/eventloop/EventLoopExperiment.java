package concurrencylab.eventloop;

import concurrencylab.experiment.About;
import concurrencylab.experiment.Claim;
import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentResult;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.LatencyStats;
import concurrencylab.experiment.ParamRule;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Numbers;
import concurrencylab.experiment.Pools;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.RunTags;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.experiment.Verdict;
import concurrencylab.gil.GilLanes;
import concurrencylab.gil.GilMetrics;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.Interpreter;
import concurrencylab.process.WorkerGroup;
import concurrencylab.process.Workers;
import concurrencylab.sockets.DelayEchoServer;
import concurrencylab.sockets.ServerDesign;
import concurrencylab.sockets.SocketMetrics;
import concurrencylab.timeline.Lane;
import concurrencylab.timeline.Timeline;
import concurrencylab.workload.CpuWork;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/** Client coroutines on one event-loop thread talk to the lab's delay-echo server, sleep, or get blocked. */
@Component
class EventLoopExperiment implements Experiment<EventLoopParams> {

    private static final About<EventLoopParams> ABOUT = new About<>("event-loop", EventLoopParams.class,
            "Event loop: a thousand socket clients as coroutines on one thread",
            "Runs every client as a coroutine on the lab's own event loop, one thread with a Selector, as asyncio "
                    + "does: a coroutine that waits for its socket is parked while the OS watches the socket, and the "
                    + "loop runs whoever is ready. 1,000 clients that each wait 4 x 50 ms for the server finish in about "
                    + "0.2 s on that one thread. mode=blocking adds one coroutine that computes without ever suspending: "
                    + "everyone else waits for it. offload=thread hands the computation to a thread pool, offload=process "
                    + "to a worker process; with gil=true the loop lives under a simulated GIL, as in Python, where only "
                    + "the process frees the loop. Compare with the sockets experiment on the same load.",
            List.of(Claim.C11, Claim.C6, Claim.C13));

    /** A timer due this often keeps the loop's lag measured even when only sockets are busy. */
    private static final Duration HEARTBEAT = Duration.ofMillis(5);

    private final CpuWork cpu;
    private final Workers workers;
    private final SocketMetrics socketMetrics;
    private final EventLoopMetrics metrics;
    private final GilMetrics gilMetrics;

    EventLoopExperiment(CpuWork cpu, Workers workers, SocketMetrics socketMetrics, EventLoopMetrics metrics,
            GilMetrics gilMetrics) {
        this.cpu = cpu;
        this.workers = workers;
        this.socketMetrics = socketMetrics;
        this.metrics = metrics;
        this.gilMetrics = gilMetrics;
    }

    @Override
    public List<ParamRule<EventLoopParams>> rules(LabLimits limits) {
        return List.of(new ParamRule<>("clients", "with sockets (mode echo or blocking) at most "
                        + "lab.limits.max-open-connections = " + limits.maxOpenConnections() + " clients; mode sleep "
                        + "takes up to " + limits.maxTasks(), EventLoopParams::clients,
                        p -> p.mode() == EventLoopMode.SLEEP ? limits.maxTasks() : limits.maxOpenConnections()),
                ParamRule.requestBudget(EventLoopParams::clients, EventLoopParams::requestsPerClient));
    }

    @Override
    public Optional<String> unavailable() {
        return Coroutines.unavailableReason();
    }

    @Override
    public About<EventLoopParams> about() {
        return ABOUT;
    }

    @Override
    public RunTags tags(EventLoopParams p) {
        String offload = p.mode() == EventLoopMode.BLOCKING && p.offload() != Offload.NONE
                ? "-offload-" + p.offload().tag() : "";
        return new RunTags("event-loop-" + p.mode().tag() + offload + (p.gil() ? "-gil" : ""),
                p.mode() == EventLoopMode.SLEEP ? "sleep" : "socket");
    }


    /** {@inheritDoc} */
    @Override
    public Optional<EventLoopParams> warmUp() {
        return Optional.of(new EventLoopParams(200, 2, null, 5, null, null, null, null));
    }
    @Override
    public ExperimentResult run(EventLoopParams p, RunContext context) throws Exception {
        int requests = p.clients() * p.requestsPerClient();
        context.setTotal(requests);
        Duration delay = Duration.ofMillis(p.serverDelayMs());
        boolean sockets = p.mode() != EventLoopMode.SLEEP;
        boolean blocking = p.mode() == EventLoopMode.BLOCKING;
        Offload offload = blocking ? p.offload() : Offload.NONE;
        // Under a GIL, the loop thread and whoever computes share one interpreter, as in one Python process.
        GlobalInterpreterLock gil = p.gil() ? new GlobalInterpreterLock(GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL,
                GilLanes.of(context.timeline(), gilMetrics.observer(kind()))) : null;
        Interpreter interpreter = gil != null ? Interpreter.withLock(gil, cpu) : Interpreter.freeThreaded(cpu);
        ExecutorService pool = offload != Offload.NONE
                ? Executors.newSingleThreadExecutor(context.platformThreads("offload")) : null;
        LoopClients.Tally tally = new LoopClients.Tally(requests);
        Measured measured;
        Blocker blocker;
        EventLoop loop = new EventLoop(EventLoop.DEFAULT_SLOW_CALLBACK, LoopRecording.of(context.timeline(),
                LoopLanes.of(context.timeline(), metrics.observer(kind()))));
        // The loop first: it holds a Selector, and must be closed even if starting the worker fails.
        try (loop; WorkerGroup worker = offload == Offload.PROCESS
                ? workers.start(1, null, context.platformThreads("worker-io")) : null;
                DelayEchoServer server = sockets ? DelayEchoServer.start(
                        ServerDesign.VIRTUAL_THREAD_PER_CONNECTION, delay) : null) {
            if (server != null) {
                context.onStop(server::close);
            }
            if (pool != null) {
                context.onStop(pool::shutdownNow);
            }
            if (worker != null) {
                context.onStop(worker::close);
            }
            blocker = new Blocker(offload, interpreter, cpu, p.gil(), pool, worker);
            if (gil != null) {
                loop.setLock(new GilLoopLock(gil));
                context.timeline().laneOfCurrentThread("threads", "event loop thread (GIL)");
                gil.acquire(); // the loop thread is the interpreter's main thread
            }
            // A stop interrupts this thread, and an interrupted select returns at once: nothing to register.
            InetSocketAddress address = server == null ? null
                    : new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            byte[] payload = new byte[p.payloadBytes()];
            Arrays.fill(payload, (byte) 'x');
            List<LoopFuture<Void>> all = new ArrayList<>(p.clients() + 1);
            Stopwatch stopwatch = Stopwatch.start();
            Lane blockerLane = blocking ? context.timeline().lane("coroutines", "blocker (offload " + offload.tag() + ")")
                    : null; // first, so that it is drawn above the sampled clients
            for (int c = 0; c < p.clients(); c++) {
                Lane lane = Timeline.sampled(c, p.clients()) ? context.timeline().lane("coroutines", "client " + c) : null;
                all.add(loop.createTask("client " + c, () -> sockets
                        ? LoopClients.echo(address, payload, p.requestsPerClient(), tally, context, lane)
                        : LoopClients.sleeper(delay, p.requestsPerClient(), tally, context, lane)));
            }
            if (blocking) {
                Duration settle = delay.isZero() ? Duration.ofMillis(1) : delay.dividedBy(2);
                all.add(loop.createTask("blocker", () -> blocker.run(loop, settle, Duration.ofMillis(p.blockMillis()),
                        blockerLane)));
            }
            loop.runUntilComplete(Async.gather(loop, all), HEARTBEAT);
            measured = stopwatch.stop().plusCpu(blocker.workerCpuNanos()); // a worker process computes for the lab too
        } finally {
            if (gil != null) {
                gil.leave();
            }
            if (pool != null) {
                Pools.shutdownNow(pool);
            }
        }
        socketMetrics.record(tally.sent, tally.received);
        return result(p, loop, tally, measured, blocking ? blocker.blockedNanos() : 0);
    }

    private static ExperimentResult result(EventLoopParams p, EventLoop loop, LoopClients.Tally tally,
            Measured measured, long blockedNanos) {
        LatencyStats lag = LatencyStats.ofNanos(loop.lagSamples());
        LatencyStats latency = LatencyStats.ofNanos(Arrays.copyOf(tally.latencies, tally.count));
        boolean blocking = p.mode() == EventLoopMode.BLOCKING;
        var details = new EventLoopDetails(p.mode().tag(), p.clients(), p.requestsPerClient(), p.payloadBytes(),
                p.serverDelayMs(), p.gil(), tally.threads.size(), tally.peakInFlight, loop.iterations(), loop.selects(),
                Numbers.round(loop.maxLagNanos() / 1e6, 3), lag.p99Ms(), loop.peakReady(), loop.slowCallbacks(),
                tally.count, Numbers.round(tally.count / measured.wallSeconds(), 1), tally.sent, tally.received,
                latency, Numbers.round(p.requestsPerClient() * p.serverDelayMs() / 1000.0, 3),
                blocking ? EventLoopDetails.Blocking.of(p, blockedNanos, latency) : null);
        List<Verdict> verdicts = List.of(LoopVerdicts.oneThreadServesAll(measured, details),
                LoopVerdicts.waitsOverlap(measured, details), LoopVerdicts.blockingStallsOthers(details));
        return ExperimentResult.of(measured, null, 1, latency, verdicts, details);
    }
}
