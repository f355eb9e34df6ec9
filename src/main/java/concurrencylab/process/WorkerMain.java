package concurrencylab.process;

import concurrencylab.gil.GilObserver;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.Interpreter;
import concurrencylab.workload.CpuCalibration;
import concurrencylab.workload.CpuWork;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The main class of a worker process: a plain JVM with no Spring in it, started by the service with a classpath
 * of a few classes (see {@link WorkerClasspath}). It says READY, reads one WORK line, does the work, answers with
 * RESULT (or ERROR) and exits; the conversation is in {@link WorkerProtocol}. If its stdin closes before it is done,
 * the service has gone and it exits at once, so a worker never outlives its service for long.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        long pid = ProcessHandle.current().pid();
        if (args.length == 1 && args[0].equals("--ready-and-exit")) {
            say(out, new Report.Ready(pid));
            return; // used once to create the class data sharing archive
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        say(out, new Report.Ready(pid));
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
            say(out, new Report.Failed(e.getClass().getSimpleName() + ":" + e.getMessage()));
        }
        out.flush();
    }

    private static void say(PrintStream out, Report report) {
        out.println(WorkerProtocol.encode(report).format());
    }

    private static Report perform(Order order, long pid, PrintStream out) throws Exception {
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
        say(out, new Report.Started());
        long seen = 0;
        long count = 0;
        long gilAcquisitions = 0;
        switch (order) {
            case Order.Compute c -> {
                CpuWork cpu = new CpuWork(new CpuCalibration(c.roundsPerMs(), Duration.ZERO, 0));
                GlobalInterpreterLock gil = c.gil() ? new GlobalInterpreterLock(c.switchInterval(), GilObserver.NONE)
                        : null;
                Interpreter interpreter = gil == null ? Interpreter.freeThreaded(cpu) : Interpreter.withLock(gil, cpu);
                for (long task = 1; task <= c.tasks(); task++) {
                    interpreter.run(in -> in.compute(c.taskTime()));
                    say(out, new Report.Progress(task));
                }
                gilAcquisitions = gil == null ? 0 : gil.stats().acquisitions();
            }
            case Order.Sleep s -> {
                for (long task = 1; task <= s.tasks(); task++) {
                    Thread.sleep(s.taskTime());
                    say(out, new Report.Progress(task));
                }
            }
            case Order.Count c -> {
                seen = ProcessCounter.countFrom(c.increments());
                count = ProcessCounter.read();
            }
            case Order.Misbehave m -> throw new IllegalStateException("misbehaved already");
        }
        return new Report.Result(pid, cpuNanos() - cpuBefore, System.nanoTime() - started, seen, count,
                gilAcquisitions);
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
