package concurrencylab.process;

import concurrencylab.gil.GilObserver;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.Interpreter;
import concurrencylab.sockets.EchoConnection;
import concurrencylab.sockets.EchoFrames;
import concurrencylab.workload.CpuCalibration;
import concurrencylab.workload.CpuWork;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The main class of a worker process: a plain JVM with no Spring in it, started by the service with a classpath
 * of a few classes (see {@link WorkerClasspath}). It says READY, reads one WORK line, does the work, answers with
 * RESULT (or ERROR) and exits; the conversation is in {@link WorkerProtocol}. If its stdin closes before it is done,
 * the service has gone and it exits at once, so a worker never outlives its service for long.
 */
public final class WorkerMain {

    /** The warm-up's calibration and amount: 40,000 ticks of 100 rounds, enough for the JIT's top tier. */
    private static final long WARM_UP_ROUNDS_PER_MS = 2_000;
    private static final Duration WARM_UP_WORK = Duration.ofSeconds(2);
    private static final int ECHO_PAYLOAD_BYTES = 64;
    private static final Duration ECHO_TIMEOUT = Duration.ofSeconds(30);

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        long pid = ProcessHandle.current().pid();
        warmUp();
        if (args.length == 1 && args[0].equals("--ready-and-exit")) {
            say(out, new WorkerReply.Ready(pid));
            return; // used once to create the class data sharing archive
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        say(out, new WorkerReply.Ready(pid));
        String line = in.readLine();
        if (line == null) {
            return;
        }
        Order order = WorkerProtocol.order(WorkerProtocol.parse(line));
        Thread watcher = new Thread(() -> exitWhenStdinCloses(in), "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            say(out, perform(order, pid, out));
        } catch (Exception | Error e) {
            say(out, new WorkerReply.Failed(e.getClass().getSimpleName() + ":" + e.getMessage()));
        }
        out.flush();
    }

    /**
     * Before READY, as a process pool's workers are warm before they get work: runs the computing path (the simulated
     * interpreter's ticks) until the JIT has compiled it, and loads the socket classes. Without it a fresh JVM runs
     * its first 200 ms of calibrated work half again as long as the service does, and its first round trip waits for
     * class loading. The archive made with --ready-and-exit keeps the classes loaded here.
     */
    private static void warmUp() throws Exception {
        CpuWork cpu = new CpuWork(new CpuCalibration(WARM_UP_ROUNDS_PER_MS, Duration.ZERO, 0));
        Interpreter.withLock(new GlobalInterpreterLock(GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL, GilObserver.NONE),
                cpu).run(in -> in.compute(WARM_UP_WORK));
        // The protocol both ways, and one round trip with itself over loopback (its own ephemeral port).
        WorkerProtocol.order(WorkerProtocol.parse(WorkerProtocol.encode(new Order.Echo(2, 1, WARM_UP_WORK)).format()));
        WorkerProtocol.report(WorkerProtocol.parse(WorkerProtocol.encode(
                new WorkerReply.Result(1, 1, 1, 0, 0, 0, new long[] {1, 2})).format()));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket client = new Socket(loopback, server.getLocalPort());
                Socket accepted = server.accept()) {
            EchoFrames.write(new DataOutputStream(new BufferedOutputStream(client.getOutputStream())),
                    new byte[ECHO_PAYLOAD_BYTES]);
            EchoFrames.read(new DataInputStream(new BufferedInputStream(accepted.getInputStream())));
        }
    }

    private static void say(PrintStream out, WorkerReply report) {
        out.println(WorkerProtocol.encode(report).format());
    }

    private static WorkerReply perform(Order order, long pid, PrintStream out) throws Exception {
        if (order instanceof Order.Misbehave(Order.Fault fault)) { // (no switch on it: that adds a class to the jar)
            if (fault == Order.Fault.CRASH) {
                Runtime.getRuntime().halt(1);
            }
            if (fault == Order.Fault.GARBAGE) {
                out.println("Segmentation fault (core dumped) \u0007");
            }
            Thread.sleep(Long.MAX_VALUE);
        }
        long cpuBefore = cpuNanos();
        long started = System.nanoTime();
        say(out, new WorkerReply.Started());
        long seen = 0;
        long count = 0;
        long gilAcquisitions = 0;
        long[] latencies = new long[0];
        switch (order) {
            case Order.Compute c -> {
                CpuWork cpu = new CpuWork(new CpuCalibration(c.roundsPerMs(), Duration.ZERO, 0));
                GlobalInterpreterLock gil = c.gil() ? new GlobalInterpreterLock(c.switchInterval(), GilObserver.NONE)
                        : null;
                Interpreter interpreter = gil == null ? Interpreter.freeThreaded(cpu) : Interpreter.withLock(gil, cpu);
                for (long task = 1; task <= c.tasks(); task++) {
                    interpreter.run(in -> in.compute(c.taskTime()));
                    say(out, new WorkerReply.Progress(task));
                }
                gilAcquisitions = gil == null ? 0 : gil.stats().acquisitions();
            }
            case Order.Sleep s -> {
                for (long task = 1; task <= s.tasks(); task++) {
                    Thread.sleep(s.taskTime());
                    say(out, new WorkerReply.Progress(task));
                }
            }
            case Order.Echo e -> latencies = echo(e);
            case Order.Count c -> {
                seen = ProcessCounter.countFrom(c.increments());
                count = ProcessCounter.read();
            }
            case Order.Misbehave m -> throw new IllegalStateException("misbehaved already");
        }
        return new WorkerReply.Result(pid, cpuNanos() - cpuBefore, System.nanoTime() - started, seen, count,
                gilAcquisitions, latencies);
    }

    /** The round trips of an echo order, each timed from when it was due. */
    private static long[] echo(Order.Echo order) throws Exception {
        byte[] payload = new byte[ECHO_PAYLOAD_BYTES];
        long[] latencies = new long[order.ops()];
        try (EchoConnection connection = new EchoConnection(order.port(), ECHO_TIMEOUT)) {
            if (order.ops() > 1) { // untimed: the first round trip on a connection pays for its setup
                connection.roundTrip(payload);
            }
            long start = System.nanoTime();
            for (int op = 0; op < order.ops(); op++) {
                long due = start + (order.ops() == 1 ? 0 : (op + 1) * order.period().toNanos());
                long early = due - System.nanoTime();
                if (early > 0) {
                    Thread.sleep(Duration.ofNanos(early));
                }
                connection.roundTrip(payload);
                latencies[op] = System.nanoTime() - due;
            }
        }
        return latencies;
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static void exitWhenStdinCloses(BufferedReader in) {
        try {
            while (in.readLine() != null) {
                // nothing more is expected; keep reading until the service closes the pipe
            }
        } catch (java.io.IOException ignored) {
            // the pipe broke: same as closed
        }
        Runtime.getRuntime().halt(3);
    }
}
