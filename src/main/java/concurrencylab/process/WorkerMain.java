package concurrencylab.process;

import concurrencylab.gil.GilObserver;
import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.Interpreter;
import concurrencylab.process.WorkerProtocol.Message;
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
            out.println(WorkerProtocol.message(WorkerProtocol.READY, "pid", pid).format());
            return; // used once to create the class data sharing archive
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println(WorkerProtocol.message(WorkerProtocol.READY, "pid", pid).format());
        String line = in.readLine();
        if (line == null) {
            return;
        }
        Message work = WorkerProtocol.parse(line);
        Thread watcher = new Thread(() -> exitWhenStdinCloses(in), "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            out.println(perform(work, pid, out).format());
        } catch (Exception | Error e) {
            out.println(WorkerProtocol.message(WorkerProtocol.ERROR, "message",
                    (e.getClass().getSimpleName() + ":" + e.getMessage()).replaceAll("\\s+", "_")).format());
        }
        out.flush();
    }

    private static Message perform(Message work, long pid, PrintStream out) throws Exception {
        switch (work.field("fault", "none")) {
            case "crash" -> Runtime.getRuntime().halt(1);
            case "hang" -> Thread.sleep(Long.MAX_VALUE);
            case "garbage" -> {
                out.println("Segmentation fault (core dumped) \u0007");
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> {
            }
        }
        String kind = work.field("kind");
        long cpuBefore = cpuNanos();
        long started = System.nanoTime();
        out.println(WorkerProtocol.STARTED);
        long seen = 0;
        long count = 0;
        long gilAcquisitions = 0;
        switch (kind) {
            case "cpu" -> {
                long tasks = work.longField("tasks");
                Duration taskTime = Duration.ofNanos(work.longField("taskMicros") * 1_000);
                CpuWork cpu = new CpuWork(new CpuCalibration(work.longField("roundsPerMs"), Duration.ZERO, 0));
                GlobalInterpreterLock gil = Boolean.parseBoolean(work.field("gil"))
                        ? new GlobalInterpreterLock(Duration.ofNanos(work.longField("switchMicros") * 1_000),
                                GilObserver.NONE)
                        : null;
                Interpreter interpreter = gil == null ? Interpreter.freeThreaded(cpu) : Interpreter.withLock(gil, cpu);
                for (long task = 1; task <= tasks; task++) {
                    interpreter.run(in -> in.compute(taskTime));
                    out.println(WorkerProtocol.message(WorkerProtocol.PROGRESS, "done", task).format());
                }
                gilAcquisitions = gil == null ? 0 : gil.stats().acquisitions();
            }
            case "sleep" -> {
                long tasks = work.longField("tasks");
                Duration taskTime = Duration.ofNanos(work.longField("taskMicros") * 1_000);
                for (long task = 1; task <= tasks; task++) {
                    Thread.sleep(taskTime);
                    out.println(WorkerProtocol.message(WorkerProtocol.PROGRESS, "done", task).format());
                }
            }
            case "count" -> {
                seen = ProcessCounter.countFrom(work.longField("increments"));
                count = ProcessCounter.read();
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
        long wall = System.nanoTime() - started;
        return WorkerProtocol.message(WorkerProtocol.RESULT, "pid", pid, "cpuNanos", cpuNanos() - cpuBefore,
                "wallNanos", wall, "seen", seen, "count", count, "gilAcquisitions", gilAcquisitions);
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
