package concurrencylab.bench;

import concurrencylab.LabClient;
import concurrencylab.PackagedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What recording a run's timeline costs what the run measures: two packaged services side by side, one recording
 * (the default, lab.limits.max-timeline-events=200000) and one not (=0), take turns running the same experiments,
 * and the medians of what the experiments measure are compared. The target is within 3% of each other.
 *
 * <pre>
 *   ./mvnw -q package -DskipTests
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) concurrencylab.bench.RecordingCostBenchmark [rounds]
 * </pre>
 *
 * Measures, per round and per service: the threads experiment's cpu speedup (4 x 300 ms on 2 threads) and the
 * gil-convoy slowdown (defaults: 200 I/O operations of 1 ms beside a computing thread), which records the most
 * events per second of any default run.
 */
public final class RecordingCostBenchmark {

    private static final String THREADS = """
            {"tasks": 4, "poolSize": 2, "workload": "cpu", "taskMillis": 300}""";

    private RecordingCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String jar = PackagedService.jar().toString();
        try (PackagedService on = PackagedService.start(List.of("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-jar", jar));
                PackagedService off = PackagedService.start(List.of("--add-exports",
                        "java.base/jdk.internal.vm=ALL-UNNAMED", "-jar", jar, "--lab.limits.max-timeline-events=0"))) {
            for (LabClient lab : List.of(on.lab(), off.lab())) { // warm-up: JIT, worker jar, calibration
                lab.runToEnd("threads", THREADS);
                lab.runToEnd("gil-convoy", "{}");
            }
            List<Double> speedupOn = new ArrayList<>();
            List<Double> speedupOff = new ArrayList<>();
            List<Double> slowdownOn = new ArrayList<>();
            List<Double> slowdownOff = new ArrayList<>();
            long eventsOn = 0;
            for (int r = 0; r < rounds; r++) {
                // Alternate which goes first, so that neither always meets the other's leftovers.
                LabClient first = r % 2 == 0 ? on.lab() : off.lab();
                LabClient second = r % 2 == 0 ? off.lab() : on.lab();
                for (LabClient lab : List.of(first, second)) {
                    boolean recording = lab == on.lab();
                    JsonNode threads = lab.runToEnd("threads", THREADS);
                    JsonNode convoy = lab.runToEnd("gil-convoy", "{}");
                    (recording ? speedupOn : speedupOff).add(threads.get("result").get("speedup").asDouble());
                    (recording ? slowdownOn : slowdownOff).add(convoy.get("result").get("details").get("slowdown")
                            .asDouble());
                    if (recording) {
                        String trace = lab.get("/api/runs/" + convoy.get("id").asString() + "/trace").body();
                        eventsOn = trace.lines().count();
                    }
                }
            }
            System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", rounds: " + rounds);
            report("threads cpu speedup (4 x 300 ms, 2 threads)", speedupOn, speedupOff);
            report("gil-convoy slowdown (defaults)          ", slowdownOn, slowdownOff);
            System.out.println("a recorded gil-convoy trace has about " + eventsOn + " events");
        }
    }

    private static void report(String what, List<Double> on, List<Double> off) {
        double a = median(on);
        double b = median(off);
        System.out.printf(Locale.ROOT, "%s: recording %.3f, not recording %.3f, difference %+.1f%% (runs on %s, off %s)%n",
                what, a, b, (a / b - 1) * 100, format(on), format(off));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }
}
