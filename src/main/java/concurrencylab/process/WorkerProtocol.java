package concurrencylab.process;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line format between the service and a worker process, one message per line of {@code VERB key=value ...}
 * (values never contain spaces). The whole conversation:
 *
 * <pre>
 *   worker  READY pid=4711                                  the JVM is up and the worker reads its orders
 *   parent  WORK kind=cpu tasks=2 taskMicros=400000 roundsPerMs=290329 gil=true switchMicros=5000
 *   (or)    WORK kind=count increments=5000000
 *   worker  STARTED                                          it begins the work
 *   worker  PROGRESS done=1                                  after each task (kind cpu or sleep)
 *   worker  RESULT pid=4711 cpuNanos=812000000 wallNanos=803000000 seen=0 count=0 gilAcquisitions=2
 *   worker  ERROR message=what_went_wrong                    instead of RESULT, when the work failed
 * </pre>
 *
 * kinds: {@code cpu} computes taskMicros per task with the service's calibration (roundsPerMs), under the worker's
 * own simulated GIL when gil=true; {@code sleep} sleeps taskMicros per task; {@code count} reads the
 * {@link ProcessCounter} in the worker's own memory (seen), increments it {@code increments} times and reports what
 * it reads then (count). An optional {@code fault} exists for the tests: crash (exit 1 before answering), hang
 * (never answer), garbage (answer with a line that is no message).
 * The worker exits after RESULT or ERROR, and at once if its stdin closes (the service went away).
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

    /** The order to run {@code tasks} tasks of cpu or sleep work of {@code taskTime} each. */
    public static Message work(String kind, int tasks, java.time.Duration taskTime, long roundsPerMs, boolean gil,
            java.time.Duration switchInterval) {
        return message(WORK, "kind", kind, "tasks", tasks, "taskMicros", taskTime.toNanos() / 1_000,
                "roundsPerMs", roundsPerMs, "gil", gil, "switchMicros", Math.max(1, switchInterval.toNanos() / 1_000));
    }

    /** The order to count {@code increments} times in the worker's own {@link ProcessCounter}. */
    public static Message count(long increments) {
        return message(WORK, "kind", "count", "increments", increments);
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
