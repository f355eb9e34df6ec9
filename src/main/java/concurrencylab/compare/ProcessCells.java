package concurrencylab.compare;

import concurrencylab.experiment.Measured;
import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.Stopwatch;
import concurrencylab.process.Order;
import concurrencylab.process.WorkerReply;
import concurrencylab.process.Workers;
import concurrencylab.workload.CpuWork;
import java.time.Duration;

/**
 * The cells of the {@code processes} model: a worker process per task, each with a GIL of its own, as
 * multiprocessing runs them. The workers start before the cell's clock (a warmed-up pool); the cell runs from the
 * first order sent to the last answer, and their CPU time counts with the service's. Stateless.
 */
final class ProcessCells {

    private final Workers workers;
    private final CpuWork cpu;

    ProcessCells(Workers workers, CpuWork cpu) {
        this.workers = workers;
        this.cpu = cpu;
    }

    CellRun run(CompareWorkload workload, Setup setup, Integer cpus, RunContext cell) throws Exception {
        OpLatencies latencies = OpLatencies.of(workload, setup);
        Measured measured;
        long workersCpu = 0;
        try (WorkerPool pool = WorkerPool.start(workers, setup.tasks(), cpus, cell, setup.hogTime())) {
            Stopwatch stopwatch = Stopwatch.start();
            for (int i = 0; i < pool.size(); i++) {
                pool.send(i, order(workload, i, setup));
            }
            for (int i = 0; i < pool.size(); i++) {
                WorkerReply.Result result = pool.await(i, cell);
                workersCpu += result.cpuNanos();
                if (latencies != null && i > 0) {
                    latencies.row(i - 1, result.latencyNanos());
                }
            }
            measured = stopwatch.stop().plusCpu(workersCpu);
        }
        return new CellRun(measured, workersCpu, latencies == null ? null : latencies.all(), null);
    }

    private Order order(CompareWorkload workload, int i, Setup setup) {
        return switch (workload) {
            case CPU -> compute(setup.taskTime(), setup);
            case IO -> new Order.Echo(1, setup.ioPort(), Duration.ZERO);
            case MIXED -> i == 0 ? compute(setup.hogTime(), setup)
                    : new Order.Echo(setup.opsPerIoTask(), setup.mixedPort(), setup.period());
        };
    }

    /** Computing {@code work} in a worker, under the worker's own GIL. */
    Order.Compute compute(Duration work, Setup setup) {
        return new Order.Compute(1, work, cpu.calibration().roundsPerMilli(), true, setup.switchInterval());
    }
}
