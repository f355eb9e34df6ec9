package concurrencylab.compare;

import concurrencylab.eventloop.Async;
import concurrencylab.eventloop.AsyncSocket;
import concurrencylab.eventloop.EventLoop;
import concurrencylab.eventloop.GilLoopLock;
import concurrencylab.eventloop.LoopFuture;
import concurrencylab.eventloop.LoopLanes;
import concurrencylab.eventloop.LoopObserver;
import concurrencylab.eventloop.LoopRecording;
import concurrencylab.experiment.Measured;
import concurrencylab.experiment.Pools;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.gil.GilLanes;
import concurrencylab.gil.GilObserver;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.Interpreter;
import concurrencylab.process.Workers;
import concurrencylab.sockets.EchoFrames;
import concurrencylab.timeline.Lane;
import concurrencylab.timeline.LaneState;
import concurrencylab.workload.CpuWork;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cells of the coroutine models: a coroutine per task on the lab's event loop, whose thread holds a simulated
 * GIL as a Python process's main thread does. In {@code coroutines} CPU work runs on the loop itself and never
 * suspends; in {@code coroutines+processes} each coroutine hands it to a worker process and awaits the answer
 * (asyncio's {@code run_in_executor} with a ProcessPoolExecutor), while I/O stays on the loop in both.
 *
 * <p>One cell at a time, on the run's thread: the loop, its coroutines and their lanes belong to that thread; the
 * offload pool's threads only wait for workers and add their CPU time to {@code workersCpu}.
 */
final class LoopCells {

    /** A timer due this often keeps the loop's lag measured while coroutines only wait. */
    private static final Duration HEARTBEAT = Duration.ofMillis(5);

    private final CpuWork cpu;
    private final Workers workers;
    private final GilObserver gilObserver;
    private final ProcessCells processes;

    LoopCells(CpuWork cpu, Workers workers, GilObserver gilObserver, ProcessCells processes) {
        this.cpu = cpu;
        this.workers = workers;
        this.gilObserver = gilObserver;
        this.processes = processes;
    }

    CellRun run(Model model, CompareWorkload workload, Setup setup, Integer cpus, RunContext cell) throws Exception {
        boolean offload = model == Model.COROUTINES_PROCESSES;
        int workerCount = !offload ? 0 : switch (workload) {
            case CPU -> setup.tasks();
            case MIXED -> 1; // the hog's
            case IO -> 0; // I/O stays on the loop
        };
        GlobalInterpreterLock gil = new GlobalInterpreterLock(setup.switchInterval(),
                GilLanes.of(cell.timeline(), gilObserver));
        Interpreter interpreter = Interpreter.withLock(gil, cpu);
        OpLatencies latencies = OpLatencies.of(workload, setup);
        // Recorded pass by pass under this cell's part of the timeline, for the replay (?cell=coroutines/io).
        EventLoop loop = new EventLoop(EventLoop.DEFAULT_SLOW_CALLBACK, LoopRecording.of(cell.timeline(),
                LoopLanes.of(cell.timeline(), LoopObserver.NONE)));
        AtomicLong workersCpu = new AtomicLong();
        Measured measured;
        // The loop first: it holds a Selector, and must be closed even if starting the workers fails.
        try (loop; WorkerPool workerPool = workerCount > 0
                ? WorkerPool.start(workers, workerCount, cpus, cell, setup.hogTime()) : null) {
            // The offload pool's threads only wait for the workers' answers, one each.
            ExecutorService pool = workerPool == null ? null
                    : Executors.newFixedThreadPool(workerCount, cell.platformThreads("offload"));
            if (pool != null) {
                cell.onStop(pool::shutdownNow);
            }
            loop.setLock(new GilLoopLock(gil));
            cell.timeline().laneOfCurrentThread("threads", "event loop thread (GIL)");
            gil.acquire(); // the loop thread is the interpreter's main thread
            try {
                CellCoroutines tasks = new CellCoroutines(loop, interpreter, setup, latencies, pool, workerPool, workersCpu,
                        cell);
                Stopwatch stopwatch = Stopwatch.start();
                long start = System.nanoTime();
                List<LoopFuture<Void>> all = new ArrayList<>();
                for (int i = 0; i < setup.tasks(); i++) {
                    int index = i;
                    Lane lane = cell.timeline().lane("coroutines", "coroutine " + i);
                    all.add(loop.createTask(taskName(workload, index), () -> tasks.run(workload, index, start, lane)));
                }
                loop.runUntilComplete(Async.gather(loop, all), HEARTBEAT);
                measured = stopwatch.stop();
            } finally {
                gil.leave();
                if (pool != null) {
                    Pools.shutdownNow(pool);
                }
            }
        }
        return new CellRun(measured.plusCpu(workersCpu.get()), workersCpu.get(),
                latencies == null ? null : latencies.all(), loop.lagSamples());
    }

    /** What the replay calls task {@code index}: in mixed work the first is the hog, the others make round trips. */
    private static String taskName(CompareWorkload workload, int index) {
        return workload == CompareWorkload.MIXED && index == 0 ? "coroutine 0 (the hog)" : "coroutine " + index;
    }

    /** The coroutines of one cell; all on the loop thread, each the one writer of its lane. */
    private final class CellCoroutines {

        private final EventLoop loop;
        private final Interpreter interpreter;
        private final Setup setup;
        private final OpLatencies latencies;
        private final ExecutorService pool;
        private final WorkerPool workerPool;
        private final AtomicLong workersCpu;
        private final RunContext cell;

        CellCoroutines(EventLoop loop, Interpreter interpreter, Setup setup, OpLatencies latencies, ExecutorService pool,
                WorkerPool workerPool, AtomicLong workersCpu, RunContext cell) {
            this.loop = loop;
            this.interpreter = interpreter;
            this.setup = setup;
            this.latencies = latencies;
            this.pool = pool;
            this.workerPool = workerPool;
            this.workersCpu = workersCpu;
            this.cell = cell;
        }

        Void run(CompareWorkload workload, int i, long start, Lane lane) throws Exception {
            switch (workload) {
                case CPU -> compute(i, setup.taskTime(), lane);
                case IO -> roundTrips(i, setup.ioPort(), 1, start, null, lane);
                case MIXED -> {
                    if (i == 0) {
                        compute(0, setup.hogTime(), lane);
                    } else {
                        roundTrips(i - 1, setup.mixedPort(), setup.opsPerIoTask(), start, latencies, lane);
                    }
                }
            }
            return null;
        }

        /** On the loop, never suspending; or, with a pool, in worker {@code worker}, suspended until it answers. */
        private void compute(int worker, Duration work, Lane lane) throws Exception {
            long begin = System.nanoTime();
            if (pool == null) {
                interpreter.compute(work);
                lane.interval(LaneState.RUNNING, begin, System.nanoTime());
                return;
            }
            Async.await(loop.runInExecutor(pool, () -> {
                workerPool.send(worker, processes.compute(work, setup));
                workersCpu.addAndGet(workerPool.await(worker, cell).cpuNanos());
                return null;
            }));
            lane.interval(LaneState.SUSPENDED, begin, System.nanoTime());
        }

        /**
         * {@code ops} round trips over one connection, one due every period (see {@link Setup#due}; at once when there
         * is one op), suspended at every wait; each timed from when it was due when {@code record} is not null.
         */
        private void roundTrips(int row, int port, int ops, long start, OpLatencies record, Lane lane)
                throws Exception {
            long connecting = System.nanoTime();
            try (AsyncSocket socket = AsyncSocket.connect(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                lane.interval(LaneState.SUSPENDED, connecting, System.nanoTime(), -1);
                ByteBuffer request = EchoFrames.encode(new byte[Setup.PAYLOAD_BYTES]);
                ByteBuffer answer = ByteBuffer.allocate(request.capacity());
                if (record != null) { // untimed: the first round trip on a connection pays for its setup
                    socket.sendAll(request);
                    socket.recvExactly(answer);
                }
                for (int k = 0; k < ops; k++) {
                    long due = ops == 1 ? start : Setup.due(start, k, setup.period());
                    long early = due - System.nanoTime();
                    if (early > 0) {
                        Async.sleep(Duration.ofNanos(early));
                    }
                    long sent = System.nanoTime();
                    request.rewind();
                    answer.clear();
                    socket.sendAll(request);
                    socket.recvExactly(answer);
                    long end = System.nanoTime();
                    lane.interval(LaneState.SUSPENDED, sent, end, k);
                    if (record != null) {
                        record.record(row, k, end - due);
                    }
                }
            }
        }
    }
}
