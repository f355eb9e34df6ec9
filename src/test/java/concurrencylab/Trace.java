package concurrencylab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's trace (Chrome's Trace Event Format) as the tests read it: every event checked for the fields its
 * {@code ph} needs, then grouped by lane (group / name) and counter.
 */
public final class Trace {

    /** One interval or instant on a lane; times in microseconds. */
    public record Event(String ph, String name, double ts, double dur, int n) {
        public double end() {
            return ts + dur;
        }
    }

    public final JsonNode root;
    /** Lanes by "group / name", in the trace's order. */
    public final Map<String, List<Event>> lanes = new LinkedHashMap<>();
    /** Counter samples by name: [ts, value] pairs. */
    public final Map<String, List<double[]>> counters = new LinkedHashMap<>();

    private Trace(JsonNode root) {
        this.root = root;
    }

    /** Parses and checks a trace. */
    public static Trace parse(String json) {
        Trace trace = new Trace(JsonMapper.builder().build().readTree(json));
        JsonNode events = trace.root.get("traceEvents");
        assertThat(events.isArray()).as("traceEvents is an array").isTrue();
        Map<Integer, String> groups = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (JsonNode e : events) {
            String ph = e.get("ph").asString();
            assertThat(e.has("pid")).as("every event has a pid: %s", e).isTrue();
            switch (ph) {
                case "M" -> {
                    assertThat(e.get("args").has("name") || e.get("args").has("sort_index")).as("%s", e).isTrue();
                    if (e.get("name").asString().equals("process_name")) {
                        groups.put(e.get("pid").asInt(), e.get("args").get("name").asString());
                    } else if (e.get("name").asString().equals("thread_name")) {
                        names.put(e.get("pid").asInt() + "/" + e.get("tid").asInt(), e.get("args").get("name").asString());
                        // A lane with no event yet is still a lane: its group is named before it.
                        trace.lanes.put(groups.get(e.get("pid").asInt()) + " / " + e.get("args").get("name").asString(),
                                new ArrayList<>());
                    }
                }
                case "X" -> {
                    assertThat(e.get("ts").isNumber() && e.get("dur").isNumber() && e.has("tid") && e.has("name"))
                            .as("a complete event has ts, dur, tid, name: %s", e).isTrue();
                    assertThat(e.get("dur").asDouble()).isGreaterThanOrEqualTo(0);
                }
                case "i" -> assertThat(e.get("ts").isNumber() && e.has("tid") && e.get("s").asString().equals("t"))
                        .as("an instant has ts, tid and thread scope: %s", e).isTrue();
                case "C" -> assertThat(e.get("ts").isNumber() && e.get("args").get("value").isNumber())
                        .as("a counter has ts and a value: %s", e).isTrue();
                default -> throw new AssertionError("unexpected ph " + ph + " in " + e);
            }
        }
        for (JsonNode e : events) {
            String ph = e.get("ph").asString();
            if (ph.equals("X") || ph.equals("i")) {
                String key = e.get("pid").asInt() + "/" + e.get("tid").asInt();
                assertThat(names).as("every lane is named").containsKey(key);
                String lane = groups.get(e.get("pid").asInt()) + " / " + names.get(key);
                trace.lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(new Event(ph, e.get("name").asString(),
                        e.get("ts").asDouble(), ph.equals("X") ? e.get("dur").asDouble() : 0,
                        e.has("args") && e.get("args").has("n") ? e.get("args").get("n").asInt() : -1));
            } else if (ph.equals("C")) {
                trace.counters.computeIfAbsent(e.get("name").asString(), k -> new ArrayList<>())
                        .add(new double[] {e.get("ts").asDouble(), e.get("args").get("value").asDouble()});
            }
        }
        return trace;
    }

    /** Lanes whose "group / name" starts with {@code group + " / "}. */
    public Map<String, List<Event>> group(String group) {
        Map<String, List<Event>> found = new LinkedHashMap<>();
        lanes.forEach((name, events) -> {
            if (name.startsWith(group + " / ")) {
                found.put(name, events);
            }
        });
        return found;
    }

    /** How many events named {@code name} all lanes have. */
    public long count(String name) {
        return lanes.values().stream().flatMap(List::stream).filter(e -> e.name().equals(name)).count();
    }
}
