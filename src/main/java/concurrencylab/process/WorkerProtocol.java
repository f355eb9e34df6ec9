package concurrencylab.process;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The line format between the service and a worker process, one message per line of {@code VERB key=value ...}
 * (values never contain spaces). The whole conversation:
 *
 * <pre>
 *   worker  READY pid=4711                                  the JVM is up and the worker reads its orders
 *   parent  WORK kind=cpu tasks=2 taskMicros=400000 roundsPerMs=290329 gil=true switchMicros=5000
 *   (or)    WORK kind=sleep tasks=2 taskMicros=400000
 *   (or)    WORK kind=echo ops=80 port=41234 periodMicros=10000
 *   (or)    WORK kind=count increments=5000000
 *   (or)    WORK kind=fault fault=crash                      tests only
 *   worker  STARTED                                          it begins the work
 *   worker  PROGRESS done=1                                  after each task (kind cpu or sleep)
 *   worker  RESULT pid=4711 cpuNanos=812000000 wallNanos=803000000 seen=0 count=0 gilAcquisitions=2
 *           (kind echo adds latencyNanos=1210000,1187000,... : each round trip from when it was due)
 *   worker  ERROR message=what_went_wrong                    instead of RESULT, when the work failed
 * </pre>
 *
 * kinds: {@code cpu} computes taskMicros per task with the service's calibration (roundsPerMs), under the worker's
 * own simulated GIL when gil=true; {@code sleep} sleeps taskMicros per task; {@code echo} makes {@code ops} round
 * trips to the lab's loopback echo server on {@code port}, one due every periodMicros; {@code count} reads the
 * {@link ProcessCounter} in the worker's own memory (seen), increments it {@code increments} times and reports what
 * it reads then (count); {@code fault} exists for the tests: crash (exit 1 before answering), hang (never answer),
 * garbage (answer with a line that is no message). The worker exits after RESULT or ERROR, and at once if its stdin
 * closes (the service went away).
 *
 * <p>Both sides speak in typed {@link Order}s and {@link Report}s; this class is the one place that turns them into
 * lines and back ({@link #encode(Order)}, {@link #order}, {@link #encode(WorkerReply)}, {@link #report}).
 */
public final class WorkerProtocol {

    public static final String READY = "READY";
    public static final String WORK = "WORK";
    public static final String STARTED = "STARTED";
    public static final String PROGRESS = "PROGRESS";
    public static final String RESULT = "RESULT";
    public static final String ERROR = "ERROR";

    private WorkerProtocol() {
    }

    /** One parsed line: its verb and its fields in order. */
    public record Message(String verb, Map<String, String> fields) {

        public String field(String key) {
            String value = fields.get(key);
            if (value == null) {
                throw new IllegalArgumentException(verb + " lacks " + key);
            }
            return value;
        }

        public long longField(String key) {
            return Long.parseLong(field(key));
        }

        /** The field, or {@code absent} when the message has none. */
        public String field(String key, String absent) {
            return fields.getOrDefault(key, absent);
        }

        public String format() {
            StringBuilder line = new StringBuilder(verb);
            fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
            return line.toString();
        }
    }

    /** The line of an order. */
    public static Message encode(Order order) {
        return switch (order) {
            case Order.Compute c -> message(WORK, "kind", "cpu", "tasks", c.tasks(), "taskMicros", micros(c.taskTime()),
                    "roundsPerMs", c.roundsPerMs(), "gil", c.gil(), "switchMicros", Math.max(1, micros(c.switchInterval())));
            case Order.Sleep s -> message(WORK, "kind", "sleep", "tasks", s.tasks(), "taskMicros", micros(s.taskTime()));
            case Order.Echo e -> message(WORK, "kind", "echo", "ops", e.ops(), "port", e.port(), "periodMicros",
                    micros(e.period()));
            case Order.Count c -> message(WORK, "kind", "count", "increments", c.increments());
            case Order.Misbehave m -> message(WORK, "kind", "fault", "fault", m.fault().name().toLowerCase(Locale.ROOT));
        };
    }

    /** The order a WORK line gives. */
    public static Order order(Message work) {
        if (!work.verb().equals(WORK)) {
            throw new IllegalArgumentException("expected WORK, got " + work.verb());
        }
        return switch (work.field("kind")) {
            case "cpu" -> new Order.Compute(Math.toIntExact(work.longField("tasks")), ofMicros(work.longField("taskMicros")),
                    work.longField("roundsPerMs"), Boolean.parseBoolean(work.field("gil")),
                    ofMicros(work.longField("switchMicros")));
            case "sleep" -> new Order.Sleep(Math.toIntExact(work.longField("tasks")), ofMicros(work.longField("taskMicros")));
            case "echo" -> new Order.Echo(Math.toIntExact(work.longField("ops")), Math.toIntExact(work.longField("port")),
                    ofMicros(work.longField("periodMicros")));
            case "count" -> new Order.Count(work.longField("increments"));
            case "fault" -> new Order.Misbehave(Order.Fault.valueOf(work.field("fault").toUpperCase(Locale.ROOT)));
            default -> throw new IllegalArgumentException("unknown kind " + work.field("kind"));
        };
    }

    /** The line of a report. */
    public static Message encode(WorkerReply report) {
        return switch (report) {
            case WorkerReply.Ready r -> message(READY, "pid", r.pid());
            case WorkerReply.Started s -> message(STARTED);
            case WorkerReply.Progress p -> message(PROGRESS, "done", p.done());
            case WorkerReply.Result r -> r.latencyNanos().length == 0
                    ? message(RESULT, "pid", r.pid(), "cpuNanos", r.cpuNanos(), "wallNanos", r.wallNanos(),
                            "seen", r.seen(), "count", r.count(), "gilAcquisitions", r.gilAcquisitions())
                    : message(RESULT, "pid", r.pid(), "cpuNanos", r.cpuNanos(), "wallNanos", r.wallNanos(),
                            "seen", r.seen(), "count", r.count(), "gilAcquisitions", r.gilAcquisitions(),
                            "latencyNanos", joined(r.latencyNanos()));
            case WorkerReply.Failed f -> message(ERROR, "message", f.message().replaceAll("\\s+", "_"));
        };
    }

    /** The report a worker's line gives. */
    public static WorkerReply report(Message line) {
        return switch (line.verb()) {
            case READY -> new WorkerReply.Ready(line.longField("pid"));
            case STARTED -> new WorkerReply.Started();
            case PROGRESS -> new WorkerReply.Progress(line.longField("done"));
            case RESULT -> new WorkerReply.Result(line.longField("pid"), line.longField("cpuNanos"),
                    line.longField("wallNanos"), line.longField("seen"), line.longField("count"),
                    line.longField("gilAcquisitions"), longs(line.field("latencyNanos", "")));
            case ERROR -> new WorkerReply.Failed(line.field("message", "(no message)"));
            default -> throw new IllegalArgumentException("a worker does not say " + line.verb());
        };
    }

    /** Numbers as one word: "12,7,3". */
    private static String joined(long[] numbers) {
        StringBuilder text = new StringBuilder();
        for (long n : numbers) {
            text.append(text.isEmpty() ? "" : ",").append(n);
        }
        return text.toString();
    }

    private static long[] longs(String joined) {
        if (joined.isEmpty()) {
            return new long[0];
        }
        String[] parts = joined.split(",");
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Long.parseLong(parts[i]);
        }
        return numbers;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static Duration ofMicros(long micros) {
        return Duration.ofNanos(micros * 1_000);
    }

    public static Message message(String verb, Object... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            String value = String.valueOf(keyValues[i + 1]);
            if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("value of " + keyValues[i] + " must be one word: '" + value + "'");
            }
            fields.put(String.valueOf(keyValues[i]), value);
        }
        return new Message(verb, fields);
    }

    /** Parses a line, or throws IllegalArgumentException naming what is wrong with it. */
    public static Message parse(String line) {
        String[] words = line.strip().split(" +");
        String verb = words[0];
        if (!verb.matches("[A-Z]+")) {
            throw new IllegalArgumentException("not a protocol line: '" + abbreviate(line) + "'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0 || eq == words[i].length() - 1) {
                throw new IllegalArgumentException("not a key=value field: '" + abbreviate(words[i]) + "' in '"
                        + abbreviate(line) + "'");
            }
            fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        return new Message(verb, fields);
    }

    static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }
}
