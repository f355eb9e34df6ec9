package concurrencylab.compare;

import concurrencylab.experiment.Measured;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.experiment.Trial;
import concurrencylab.gil.GilLanes;
import concurrencylab.gil.GilObserver;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.Interpreter;
import concurrencylab.gil.InterpreterPool;
import concurrencylab.sockets.EchoClient;
import concurrencylab.sockets.EchoConnection;
import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import concurrencylab.workload.CpuWork;
import concurrencylab.workload.Workloads;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The cells of the blocking models: every task one after another on the run's thread ({@code sequential}), a
 * platform or a virtual thread per task, a platform thread per task inside one simulated interpreter with a GIL or
 * without one (free-threaded), or a platform thread per task each in an interpreter of its own with its own GIL
 * ({@link InterpreterPool}, its calls and results copied). A task is an {@link Interpreter.Task} in every model, so all
 * run the very same code; only the locks around it differ. Stateless apart from its collaborators.
 */
final class BlockingCells {

    private static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

    private final CpuWork cpu;
    private final GilObserver gilObserver;

    BlockingCells(CpuWork cpu, GilObserver gilObserver) {
        this.cpu = cpu;
        this.gilObserver = gilObserver;
    }

    CellRun run(Model model, CompareWorkload workload, Setup setup, RunContext cell) throws Exception {
        OpLatencies latencies = OpLatencies.of(workload, setup);
        Interpreter interpreter = model == Model.GIL_THREADS
                ? Interpreter.withLock(new GlobalInterpreterLock(setup.switchInterval(),
                        GilLanes.of(cell.timeline(), gilObserver)), cpu)
                : Interpreter.freeThreaded(cpu);
        Measured measured;
        if (model == Model.SEQUENTIAL) {
            measured = oneAfterAnother(workload, setup, cell, interpreter, latencies);
        } else if (model == Model.INTERPRETERS) {
            InterpreterPool pool = InterpreterPool.start(setup.tasks(), setup.switchInterval(), gilObserver,
                    cell.timeline(), cpu);
            long start = System.nanoTime();
            measured = Trial.plan(cell, setup.tasks(), 1).run(executor(model, setup.tasks(), cell),
                    i -> pool.run(i, task(workload, i, setup, start, latencies, null))).measured();
        } else {
            RunContext drawOn = model == Model.GIL_THREADS ? null : cell; // the GIL draws its threads itself
            long start = System.nanoTime();
            measured = Trial.plan(cell, setup.tasks(), 1).run(executor(model, setup.tasks(), cell),
                    i -> interpreter.run(task(workload, i, setup, start, latencies, drawOn)))
                    .measured();
        }
        return new CellRun(measured, 0, latencies == null ? null : latencies.all(), null);
    }

    /**
     * Mixed's I/O tasks with no hog beside them, on platform threads: the latency the mixed cells are compared to.
     */
    long[] ioAlone(Setup setup, RunContext cell) throws Exception {
        OpLatencies latencies = new OpLatencies(setup.ioTasks(), Setup.ALONE_OPS);
        Interpreter free = Interpreter.freeThreaded(cpu);
        long start = System.nanoTime();
        Trial.plan(cell, setup.ioTasks(), 1).run(executor(Model.THREADS, setup.ioTasks(), cell),
                i -> free.run(in -> ioLoop(in, setup, i, start, latencies, Setup.ALONE_OPS, Setup.SHORTEST_PERIOD,
                        cell)));
        return latencies.all();
    }

    private static ExecutorService executor(Model model, int tasks, RunContext cell) {
        return switch (model) {
            case VIRTUAL_THREADS -> Executors.newThreadPerTaskExecutor(cell.virtualThreads("virtual"));
            case GIL_THREADS -> Executors.newFixedThreadPool(tasks, cell.platformThreads("gil-thread"));
            case FREE_THREADED -> Executors.newFixedThreadPool(tasks, cell.platformThreads("free-thread"));
            case INTERPRETERS -> Executors.newFixedThreadPool(tasks, cell.platformThreads("interpreter"));
            default -> Executors.newFixedThreadPool(tasks, cell.platformThreads("thread"));
        };
    }

    /** The run's own thread does every task in turn; in mixed the hog first, so the I/O tasks wait for it. */
    private Measured oneAfterAnother(CompareWorkload workload, Setup setup, RunContext cell, Interpreter interpreter,
            OpLatencies latencies) throws Exception {
        Lane lane = cell.timeline().laneOfCurrentThread("threads", "one after another");
        Stopwatch stopwatch = Stopwatch.start();
        long start = System.nanoTime();
        for (int i = 0; i < setup.tasks(); i++) {
            cell.throwIfStopped();
            long taskStart = System.nanoTime();
            interpreter.run(task(workload, i, setup, start, latencies, null));
            lane.interval(LaneState.RUNNING, taskStart, System.nanoTime(), i);
        }
        return stopwatch.stop();
    }

    /** Task {@code i} of a cell that started at {@code start}; {@code drawOn} (null: nowhere) gets its I/O drawn. */
    private static Interpreter.Task task(CompareWorkload workload, int i, Setup setup, long start,
            OpLatencies latencies, RunContext drawOn) {
        return switch (workload) {
            case CPU -> in -> in.compute(setup.taskTime());
            case IO -> in -> in.blocking(() -> {
                long ioStart = System.nanoTime();
                EchoClient.roundTrip(setup.ioPort(), new byte[Setup.PAYLOAD_BYTES], setup.taskTime().plus(IO_TIMEOUT));
                draw(drawOn, LaneState.IO, ioStart);
            });
            case MIXED -> i == 0 ? in -> in.compute(setup.hogTime())
                    : in -> ioLoop(in, setup, i - 1, start, latencies, setup.opsPerIoTask(), setup.period(), drawOn);
        };
    }

    /**
     * One I/O task of mixed: {@code ops} round trips over one connection, one due every {@code period} (see
     * {@link Setup#due}), each timed from when it was due (so a task held up by the hog, or by waiting for the GIL,
     * shows it). The waits and round trips release the GIL, as Python's sleep and socket calls do.
     */
    private static void ioLoop(Interpreter in, Setup setup, int row, long start, OpLatencies latencies, int ops,
            Duration period, RunContext drawOn) throws Exception {
        byte[] payload = new byte[Setup.PAYLOAD_BYTES];
        EchoConnection[] connection = new EchoConnection[1];
        try {
            in.blocking(() -> {
                connection[0] = new EchoConnection(setup.mixedPort(), IO_TIMEOUT);
                connection[0].roundTrip(payload); // untimed: the first round trip on a connection pays for its setup
            });
            EchoConnection echo = connection[0];
            for (int k = 0; k < ops; k++) {
                long due = Setup.due(start, k, period);
                in.blocking(() -> {
                    long early = due - System.nanoTime();
                    if (early > 0) {
                        long sleeping = System.nanoTime();
                        Thread.sleep(Duration.ofNanos(early));
                        draw(drawOn, LaneState.SLEEPING, sleeping);
                    }
                    long ioStart = System.nanoTime();
                    echo.roundTrip(payload);
                    draw(drawOn, LaneState.IO, ioStart);
                });
                latencies.record(row, k, System.nanoTime() - due);
            }
        } finally {
            if (connection[0] != null) { // also when the first round trip or taking the GIL back failed
                connection[0].close();
            }
        }
    }

    /** On the platform thread's lane, when there is one to draw on (the GIL's threads draw themselves). */
    private static void draw(RunContext drawOn, LaneState state, long start) {
        if (drawOn != null) {
            Workloads.drawOnThread(drawOn, state, start);
        }
    }
}
