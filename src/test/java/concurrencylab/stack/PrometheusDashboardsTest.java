package concurrencylab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import concurrencylab.Metrics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards against a real Prometheus (Debian's package): it scrapes this service with the repository's own
 * prometheus/prometheus.yml (target rewritten to this test's port, scrape interval shortened), every experiment
 * runs once, and then every panel query of every dashboard must return data. Also: every metric a dashboard names
 * is in the scrape, and promtool finds nothing to criticise in the lab's own series.
 */
class PrometheusDashboardsTest extends LabHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @SuppressWarnings("unchecked")
    void everyPanelQueryReturnsDataAfterOneRunOfEachExperiment() throws Exception {
        Path prometheus = ExternalTool.require("/usr/bin/prometheus", "prometheus");
        Path dir = Files.createTempDirectory("lab-prometheus");
        Map<String, Object> config = StackFiles.yaml("prometheus/prometheus.yml");
        ((Map<String, Object>) config.get("global")).put("scrape_interval", "1s");
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).getFirst();
        ((List<Map<String, Object>>) job.get("static_configs")).getFirst().put("targets", List.of("127.0.0.1:" + port));
        Files.writeString(dir.resolve("prometheus.yml"), new Yaml().dump(config));
        int prometheusPort = concurrencylab.Ports.free();
        Path log = dir.resolve("prometheus.log");
        Process server = new ProcessBuilder(prometheus.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String api = "http://127.0.0.1:" + prometheusPort;
        try {
            awaitReady(api, server, log);
            runEveryExperimentOnce();
            // Wait until Prometheus holds three samples of the last run's series: enough for rate().
            concurrencylab.Await.until("Prometheus to scrape the last run three times", Duration.ofSeconds(30),
                    () -> hasResult(api, "count_over_time(lab_runs_total{experiment=\"sockets\"}[1m]) >= 3"));

            List<String> empty = new ArrayList<>();
            List<StackFiles.PanelQuery> queries = StackFiles.panelQueries();
            for (StackFiles.PanelQuery q : queries) {
                JsonNode answer = query(api, q.evaluable());
                boolean hasData = answer.path("status").asString().equals("success")
                        && answer.path("data").path("result").valueStream().anyMatch(PrometheusDashboardsTest::finite);
                if (!hasData) {
                    empty.add(q.dashboard() + " / " + q.panel() + ": " + q.evaluable() + " -> " + answer);
                }
            }
            assertThat(queries).hasSizeGreaterThan(20);
            assertThat(empty).as("panel queries that returned no data").isEmpty();
            for (String model : List.of("free-threaded", "interpreters")) {
                assertThat(hasResult(api, "lab_compare_speedup{model=\"" + model + "\"}"))
                        .as("the matrix panel's series for the %s row", model).isTrue();
            }
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void everyMetricADashboardNamesIsExported() throws Exception {
        runEveryExperimentOnce();
        List<String> scrape = Metrics.scrape(lab);
        List<String> missing = StackFiles.panelQueries().stream()
                .flatMap(q -> StackFiles.metricNames(q.expr()).stream().map(name -> q.dashboard() + ": " + name))
                .distinct()
                .filter(entry -> {
                    String name = entry.substring(entry.indexOf(": ") + 2);
                    return scrape.stream().noneMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
                })
                .toList();
        assertThat(missing).as("metrics named on dashboards that the service does not export").isEmpty();
    }

    @Test
    void promtoolFindsNothingInTheLabsOwnSeries() throws Exception {
        Path promtool = ExternalTool.require("/usr/bin/promtool", "prometheus");
        runEveryExperimentOnce();
        String labSeries = String.join("\n", Metrics.scrape(lab).stream()
                .filter(line -> line.startsWith("lab_") || line.startsWith("# HELP lab_") || line.startsWith("# TYPE lab_"))
                .toList()) + "\n";
        assertThat(labSeries).contains("# TYPE lab_runs_total counter", "lab_gil_wait_seconds_bucket",
                "lab_eventloop_lag_seconds_bucket", "lab_process_spawn_seconds_bucket");
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(labSeries.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String findings = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(findings).as("promtool check metrics on the lab_ series").isBlank();
        assertThat(check.exitValue()).isZero();
    }

    /** Every experiment once, small and quick, touching every lab metric (sockets, GIL, loop, workers, memory). */
    private void runEveryExperimentOnce() {
        for (String[] run : new String[][] {
                {"threads", "{\"tasks\": 2, \"taskMillis\": 20, \"workload\": \"socket\"}"},
                {"virtual-threads", "{\"tasks\": 100, \"taskMillis\": 20}"},
                {"gil", "{\"tasks\": 2, \"threads\": 2, \"taskMillis\": 50}"},
                {"gil-convoy", "{\"ioOps\": 20}"},
                {"interpreters", "{\"tasks\": 2, \"interpreters\": 2, \"taskMillis\": 50}"},
                {"processes", "{\"tasks\": 2, \"processes\": 2, \"taskMillis\": 50}"},
                {"shared-memory", "{\"increments\": 100000}"},
                {"event-loop", "{\"clients\": 20, \"requestsPerClient\": 2, \"serverDelayMs\": 10}"},
                {"event-loop", "{\"mode\": \"blocking\", \"clients\": 10, \"blockMillis\": 150}"},
                {"sockets", "{\"clients\": 5, \"requestsPerClient\": 1, \"serverDelayMs\": 10}"},
                {"compare", "{\"tasks\": 2, \"taskMillis\": 20, \"models\": [\"threads\", \"free-threaded\", \"interpreters\", \"coroutines\"]}"}}) {
            assertThat(lab.runToEnd(run[0], run[1]).get("status").asString()).as(run[0]).isEqualTo("SUCCEEDED");
        }
    }

    private static boolean finite(JsonNode sample) {
        JsonNode value = sample.path("value");
        if (value.size() < 2) {
            return false;
        }
        String number = value.get(1).asString();
        return !number.equals("NaN") && !number.contains("Inf");
    }

    private boolean hasResult(String api, String promql) {
        try {
            return query(api, promql).path("data").path("result").valueStream().findAny().isPresent();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode query(String api, String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void awaitReady(String api, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("prometheus exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(api + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("prometheus not ready in 30 s: " + Files.readString(log));
    }
}
