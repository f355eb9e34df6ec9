package concurrencylab.bench;

import concurrencylab.LabClient;
import concurrencylab.PackagedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Makes the pictures in docs/pictures from real runs: starts the packaged service, runs one experiment per concept
 * family with parameters chosen to be readable, and saves each run's timeline picture as the service drew it, and the
 * matrix of a default compare run.
 *
 * <pre>
 *   ./mvnw -q package -DskipTests
 *   ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) concurrencylab.bench.DocsPictures [docs/pictures]
 * </pre>
 */
public final class DocsPictures {

    /** A picture: its file name, the experiment and the parameters of its run. */
    private record Picture(String file, String kind, String params) {
    }

    private static final List<Picture> PICTURES = List.of(
            new Picture("worked-example-threads", "threads", """
                    {"tasks": 4, "poolSize": 2, "workload": "cpu", "taskMillis": 300}"""),
            new Picture("processes-share-one-core", "processes", """
                    {"tasks": 4, "processes": 2, "workload": "cpu", "taskMillis": 300, "cpus": 1}"""),
            new Picture("threads-pool-waves", "threads", """
                    {"tasks": 8, "poolSize": 2, "workload": "cpu", "taskMillis": 100}"""),
            new Picture("coroutines-one-thread", "event-loop", """
                    {"clients": 64, "requestsPerClient": 4, "serverDelayMs": 50, "mode": "sleep"}"""),
            new Picture("gil-two-threads", "gil", """
                    {"tasks": 2, "threads": 2, "workload": "cpu", "taskMillis": 60, "switchIntervalMs": 5, "baseline": false}"""),
            new Picture("interpreters-a-gil-each", "interpreters", """
                    {"tasks": 4, "interpreters": 2, "threadsPerInterpreter": 2, "taskMillis": 60, "baseline": false}"""),
            new Picture("gil-convoy", "gil-convoy", """
                    {"ioOps": 20, "ioMillis": 1, "cpuThreads": 1}"""),
            new Picture("sockets-blocking-server", "sockets", """
                    {"clients": 8, "requestsPerClient": 2, "serverDelayMs": 30, "server": "blocking"}"""),
            new Picture("event-loop-blocked", "event-loop", """
                    {"clients": 64, "requestsPerClient": 4, "serverDelayMs": 50, "mode": "blocking", "blockMillis": 150}"""));

    private DocsPictures() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "docs/pictures");
        Files.createDirectories(directory);
        try (PackagedService service = PackagedService.start(List.of("--add-exports",
                "java.base/jdk.internal.vm=ALL-UNNAMED", "-jar", PackagedService.jar().toString()))) {
            LabClient lab = service.lab();
            lab.runToEnd("threads", "{\"taskMillis\": 50}"); // warm up the JIT before anything is drawn
            for (Picture picture : PICTURES) {
                JsonNode run = lab.runToEnd(picture.kind(), picture.params());
                String svg = lab.get(run.get("links").get("timeline").asString()).body();
                Path file = directory.resolve(picture.file() + ".svg");
                Files.writeString(file, svg);
                System.out.println(file + ": " + picture.kind() + " " + picture.params().strip() + " -> "
                        + run.get("status").asString());
            }
            JsonNode matrix = lab.runToEnd("compare", "{}");
            Path file = directory.resolve("compare-matrix.svg");
            Files.writeString(file, lab.get("/api/runs/" + matrix.get("id").asString() + "/matrix.svg").body());
            System.out.println(file + ": compare {} -> " + matrix.get("status").asString());
        }
    }
}
