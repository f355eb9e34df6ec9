package concurrencylab.timeline;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link TimelineSnapshot} in Chrome's Trace Event Format (the JSON object form), which Perfetto UI and
 * {@code chrome://tracing} open as-is: each lane group is a process ({@code pid}) and each lane a thread ({@code tid}),
 * named by metadata events ({@code ph: "M"}); intervals are complete events ({@code ph: "X"}, {@code ts}/{@code dur}
 * in microseconds), marks are thread-scoped instants ({@code ph: "i"}), counters are counter events
 * ({@code ph: "C"}). Streams: a full timeline is a few tens of megabytes at most.
 */
public final class TraceEvents {

    private TraceEvents() {
    }

    /** Writes {@code timeline}; {@code about} (run id, experiment, ...) goes into {@code otherData}. */
    public static void write(TimelineSnapshot timeline, Map<String, String> about, Writer out) throws IOException {
        out.write("{\"displayTimeUnit\":\"ms\",\"otherData\":{");
        Map<String, String> other = new LinkedHashMap<>(about);
        other.put("durationMs", format(timeline.durationNanos() / 1e6));
        other.put("mergedEvents", Long.toString(timeline.mergedEvents()));
        other.put("droppedLanes", Integer.toString(timeline.droppedLanes()));
        other.put("maxEvents", Integer.toString(timeline.maxEvents()));
        boolean first = true;
        for (var entry : other.entrySet()) {
            out.write((first ? "" : ",") + quote(entry.getKey()) + ":" + quote(entry.getValue()));
            first = false;
        }
        out.write("},\"traceEvents\":[");
        Events events = new Events(out);
        Map<String, Integer> pids = new LinkedHashMap<>();
        int tid = 0;
        for (TimelineSnapshot.LaneView lane : timeline.lanes()) {
            int pid = pid(pids, lane.group(), events);
            tid++;
            events.add("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":" + pid + ",\"tid\":" + tid
                    + ",\"args\":{\"name\":" + quote(lane.name()) + "}}");
            events.add("{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":" + pid + ",\"tid\":" + tid
                    + ",\"args\":{\"sort_index\":" + tid + "}}");
            for (int i = 0; i < lane.size(); i++) {
                String where = ",\"pid\":" + pid + ",\"tid\":" + tid + ",\"ts\":" + micros(lane.starts()[i]);
                String detail = lane.details()[i] >= 0 ? ",\"args\":{\"n\":" + lane.details()[i] + "}" : "";
                if (lane.isMark(i)) {
                    events.add("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"mark\",\"name\":" + quote(lane.mark(i).tag()) + where
                            + detail + "}");
                } else {
                    events.add("{\"ph\":\"X\",\"cat\":\"state\",\"name\":" + quote(lane.state(i).tag()) + where
                            + ",\"dur\":" + micros(lane.ends()[i] - lane.starts()[i]) + detail + "}");
                }
            }
        }
        for (TimelineSnapshot.CounterView counter : timeline.counters()) {
            int pid = pid(pids, counter.group(), events);
            for (int i = 0; i < counter.times().length; i++) {
                events.add("{\"ph\":\"C\",\"name\":" + quote(counter.name()) + ",\"pid\":" + pid + ",\"ts\":"
                        + micros(counter.times()[i]) + ",\"args\":{\"value\":" + format(counter.values()[i]) + "}}");
            }
        }
        out.write("]}");
        out.flush();
    }

    /** The pid of a lane group, naming it on first use. */
    private static int pid(Map<String, Integer> pids, String group, Events events) throws IOException {
        Integer known = pids.get(group);
        if (known != null) {
            return known;
        }
        int pid = pids.size() + 1;
        pids.put(group, pid);
        events.add("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":" + pid + ",\"tid\":0,\"args\":{\"name\":"
                + quote(group) + "}}");
        events.add("{\"ph\":\"M\",\"name\":\"process_sort_index\",\"pid\":" + pid + ",\"tid\":0,\"args\":{"
                + "\"sort_index\":" + pid + "}}");
        return pid;
    }

    /** Writes events separated by commas. */
    private static final class Events {
        private final Writer out;
        private boolean first = true;

        Events(Writer out) {
            this.out = out;
        }

        void add(String event) throws IOException {
            if (!first) {
                out.write(",\n");
            }
            out.write(event);
            first = false;
        }
    }

    private static String micros(long nanos) {
        return format(nanos / 1e3);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
