package concurrencylab.process;

import concurrencylab.process.WorkerProtocol.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The worker processes of one run. Each worker's stdout is read by a thread of its own that turns every line into an
 * {@link Event} on one shared queue, so the run's thread waits for whichever worker speaks next. Closing the group
 * destroys every worker and its descendants and waits (about two seconds at most) until they are gone.
 *
 * <p>Threads: the run's thread spawns, sends, takes events and closes; reader threads only put events. The list of
 * workers is written before any reader starts and only read afterwards; each {@link Worker}'s stderr tail is
 * guarded by itself.
 */
public final class WorkerGroup implements AutoCloseable {

    /** How long a worker's JVM may take to say READY. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    /**
     * One line from a worker: its report, and the line it came in; or a line that is not the protocol (garbage); or
     * the end of its output (all null).
     */
    public record Event(Worker worker, Message message, WorkerReply report, String garbage) {

        boolean isEnd() {
            return message == null && garbage == null;
        }
    }

    /** One worker process. */
    public static final class Worker {

        private final int index;
        private final Process process;
        private final long spawnedAt;
        private final OutputStream stdin;
        /** The last lines of stderr, for the error message of a crash. Guarded by itself. */
        private final Deque<String> stderrTail = new ArrayDeque<>();
        private volatile long readyAt;
        /** Set by its stdout reader once it sent RESULT or ERROR: its end of output after that is no failure. */
        private volatile boolean answered;

        Worker(int index, Process process, long spawnedAt) {
            this.index = index;
            this.process = process;
            this.spawnedAt = spawnedAt;
            this.stdin = process.getOutputStream();
        }

        public int index() {
            return index;
        }

        public long pid() {
            return process.pid();
        }

        /** When it was started ({@link System#nanoTime()}). */
        public long spawnedAt() {
            return spawnedAt;
        }

        /** From start() to the READY line. */
        public long spawnNanos() {
            return readyAt - spawnedAt;
        }

        public String name() {
            return "worker " + index + " (pid " + process.pid() + ")";
        }

        void send(Message message) throws WorkerFailure {
            try {
                stdin.write((message.format() + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException e) {
                throw new WorkerFailure(name() + " stopped reading its orders: " + e.getMessage());
            }
        }

        /** Closes the worker's stdin: to the worker, the service has gone away. */
        void closeOrders() throws IOException {
            stdin.close();
        }

        String describeExit() {
            String exit;
            try {
                exit = process.waitFor(1, TimeUnit.SECONDS) ? "exited with code " + process.exitValue()
                        : "closed its output";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = "closed its output";
            }
            synchronized (stderrTail) {
                return name() + " " + exit + (stderrTail.isEmpty() ? "" : "; its last words on stderr: "
                        + String.join(" | ", stderrTail));
            }
        }

        private void keepStderr(String line) {
            synchronized (stderrTail) {
                stderrTail.addLast(WorkerProtocol.abbreviate(line));
                if (stderrTail.size() > 3) {
                    stderrTail.removeFirst();
                }
            }
        }
    }

    /** Added to by the run's thread only; read by close(), which a stop may call from another thread. */
    private final List<Worker> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ThreadFactory readers;

    WorkerGroup(ThreadFactory readers) {
        this.readers = readers;
    }

    /** Starts one worker with {@code command} and begins reading what it says. */
    Worker start(List<String> command) throws IOException {
        long spawnedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).start();
        Worker worker = new Worker(workers.size() + 1, process, spawnedAt);
        workers.add(worker);
        readers.newThread(() -> readStdout(worker)).start();
        readers.newThread(() -> readStderr(worker)).start();
        return worker;
    }

    public List<Worker> workers() {
        return List.copyOf(workers);
    }

    /** Waits until every worker said READY; returns their spawn latencies in start order. */
    public long[] awaitReady(Duration within) throws WorkerFailure, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int ready = 0;
        while (ready < workers.size()) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), "to start");
            if (!(event.report() instanceof WorkerReply.Ready)) {
                throw new WorkerFailure(event.worker().name() + " said " + event.message().verb() + " before READY");
            }
            ready++;
        }
        return workers.stream().mapToLong(Worker::spawnNanos).toArray();
    }

    public void send(Worker worker, Order order) throws WorkerFailure {
        worker.send(WorkerProtocol.encode(order));
    }

    /**
     * Waits for the next RESULT any worker gives, passing over STARTED and PROGRESS (for a group of one worker: its
     * result). {@code within} bounds each wait for a line, as in {@link #next}.
     */
    public WorkerReply.Result result(Duration within, String what) throws WorkerFailure, InterruptedException {
        while (true) {
            if (next(within, what).report() instanceof WorkerReply.Result result) {
                return result;
            }
        }
    }

    /**
     * The next line any worker said. Fails, naming the worker, if it is garbage, if a worker's output ended, or if
     * nothing came within {@code within} ("while waiting for workers {@code what}").
     */
    public Event next(Duration within, String what) throws WorkerFailure, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Event event = events.poll(within.toNanos(), TimeUnit.NANOSECONDS);
        // A worker exits after its answer; its end of output may come before another worker's answer: not news.
        while (event != null && event.isEnd() && event.worker().answered) {
            event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        if (event == null) {
            throw new WorkerFailure("no worker said anything for " + within.toMillis() + " ms while waiting for them "
                    + what + "; workers: " + workers.stream().map(Worker::name).toList());
        }
        if (event.garbage() != null) {
            throw new WorkerFailure(event.worker().name() + " sent a line that is not the protocol: '"
                    + event.garbage() + "'");
        }
        if (event.isEnd()) {
            throw new WorkerFailure(event.worker().describeExit() + " before it answered");
        }
        if (event.report() instanceof WorkerReply.Failed(String message)) {
            throw new WorkerFailure(event.worker().name() + " failed: " + message);
        }
        return event;
    }

    private void readStdout(Worker worker) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Message message;
                WorkerReply report;
                try {
                    message = WorkerProtocol.parse(line);
                    report = WorkerProtocol.report(message);
                } catch (IllegalArgumentException notProtocol) {
                    events.add(new Event(worker, null, null, WorkerProtocol.abbreviate(line)));
                    continue;
                }
                if (report instanceof WorkerReply.Ready) {
                    worker.readyAt = System.nanoTime();
                }
                if (report instanceof WorkerReply.Result || report instanceof WorkerReply.Failed) {
                    worker.answered = true;
                }
                events.add(new Event(worker, message, report, null));
            }
        } catch (IOException closed) {
            // the process was destroyed: its output ended
        }
        events.add(new Event(worker, null, null, null));
    }

    private void readStderr(Worker worker) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(worker.process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                worker.keepStderr(line);
            }
        } catch (IOException closed) {
            // destroyed
        }
    }

    /** Destroys every worker and everything it started, and waits until they are gone (reaped, not zombies). */
    @Override
    public void close() {
        for (Worker worker : workers) {
            worker.process.descendants().forEach(ProcessHandle::destroyForcibly);
            worker.process.destroyForcibly();
        }
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        for (Worker worker : workers) {
            try {
                worker.process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
