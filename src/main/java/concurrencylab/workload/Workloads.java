package concurrencylab.workload;

import concurrencylab.experiment.Baseline;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.RunContext;
import concurrencylab.sockets.DelayEchoServer;
import concurrencylab.sockets.EchoClient;
import concurrencylab.sockets.ServerDesign;
import concurrencylab.sockets.SocketMetrics;
import concurrencylab.timeline.LaneState;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/** Prepares the task body of a workload for one run. */
@Component
public class Workloads {

    /** Payload of one socket-workload request. */
    public static final int SOCKET_PAYLOAD_BYTES = 1024;
    /** How long past its expected answer a socket task waits before giving up. */
    private static final Duration SOCKET_GRACE = Duration.ofSeconds(10);

    private final CpuWork cpu;
    private final LabLimits limits;
    private final SocketMetrics socketMetrics;

    public Workloads(CpuWork cpu, LabLimits limits, SocketMetrics socketMetrics) {
        this.cpu = cpu;
        this.limits = limits;
        this.socketMetrics = socketMetrics;
    }

    public CpuWork cpu() {
        return cpu;
    }

    /**
     * The one-after-another time of {@code tasks} tasks of {@code kind}, known without running them: for cpu work the
     * calibrated amount (tasks x taskTime of one core), for sleep the sleeps, for socket work the server's delays,
     * which every round trip waits at least (so a speedup from it is, if anything, understated).
     */
    public static Baseline estimatedBaseline(WorkloadKind kind, int tasks, Duration taskTime) {
        long nanos = taskTime.toNanos() * tasks;
        return Baseline.estimated(nanos, switch (kind) {
            case CPU -> "calibrated: tasks x taskMillis of one core's calibrated work";
            case SLEEP -> "nominal: tasks x taskMillis of sleep";
            case SOCKET -> "at least: tasks x taskMillis, the server's delay every round trip waits";
        } + Baseline.TOO_LONG);
    }

    /**
     * The body of one task of {@code kind} lasting {@code taskTime}. For the socket workload this starts the run's
     * delay-echo server; close the body to stop it (a stop request closes it too, which unblocks waiting clients).
     */
    public TaskBody prepare(WorkloadKind kind, Duration taskTime, RunContext context) throws IOException {
        return switch (kind) {
            case CPU -> () -> cpu.run(taskTime, TickHook.INTERRUPTIBLE);
            case SLEEP -> () -> {
                long start = System.nanoTime();
                Thread.sleep(taskTime);
                drawOnThread(context, LaneState.SLEEPING, start);
            };
            case SOCKET -> socketTask(taskTime, context);
        };
    }

    /**
     * Draws what the task did on its platform thread's lane, from {@code start} to now (a virtual thread has no lane:
     * there may be ten thousand).
     */
    public static void drawOnThread(RunContext context, LaneState state, long start) {
        if (!Thread.currentThread().isVirtual()) {
            context.timeline().laneOfCurrentThread("threads").interval(state, start, System.nanoTime());
        }
    }

    private TaskBody socketTask(Duration serverDelay, RunContext context) throws IOException {
        DelayEchoServer server = DelayEchoServer.start(ServerDesign.VIRTUAL_THREAD_PER_CONNECTION, serverDelay);
        context.onStop(server::close);
        // Each open connection costs two descriptors here (client and server end): bound them.
        Semaphore connections = new Semaphore(limits.maxOpenConnections());
        byte[] payload = new byte[SOCKET_PAYLOAD_BYTES];
        java.util.Arrays.fill(payload, (byte) 'x');
        Duration timeout = serverDelay.plus(SOCKET_GRACE);
        return new TaskBody() {
            @Override
            public void run() throws Exception {
                connections.acquire();
                try {
                    long start = System.nanoTime();
                    var exchange = EchoClient.roundTrip(server.port(), payload, timeout);
                    drawOnThread(context, LaneState.IO, start);
                    socketMetrics.record(exchange.bytesSent(), exchange.bytesReceived());
                } finally {
                    connections.release();
                }
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
