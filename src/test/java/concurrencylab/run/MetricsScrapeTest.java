package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import concurrencylab.Metrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real scrape of /actuator/prometheus carries the run metrics, with low-cardinality tags only. */
class MetricsScrapeTest extends LabHttpTest {

    @Test
    void runsShowUpInTheScrape() {
        lab.runToEnd("threads", """
                {"tasks": 4, "poolSize": 2, "workload": "socket", "taskMillis": 5}""");
        lab.runToEnd("virtual-threads", """
                {"tasks": 100, "workload": "sleep", "taskMillis": 5}""");

        List<String> scrape = Metrics.scrape(lab);

        assertThat(scrape).anyMatch(l -> l.startsWith("lab_runs_total{")
                && l.contains("experiment=\"threads\"") && l.contains("mode=\"platform-pool\"")
                && l.contains("workload=\"socket\"") && l.contains("outcome=\"succeeded\""));
        for (String series : List.of("lab_run_duration_seconds_bucket{", "lab_run_speedup{",
                "lab_run_cpu_utilisation{", "lab_task_duration_seconds_bucket{", "lab_task_queued_seconds_bucket{",
                "lab_runs_active ", "lab_runs_queued ", "lab_socket_bytes_total{")) {
            assertThat(scrape).as(series).anyMatch(l -> l.startsWith(series));
        }
        assertThat(scrape).as("virtual-thread metrics of the JVM").anyMatch(l -> l.startsWith("jvm_threads_virtual"));
        assertThat(scrape).filteredOn(l -> l.startsWith("lab_")).noneMatch(l -> l.contains("id=") || l.contains("run="));
        assertThat(Metrics.value(lab, "lab_run_speedup", "experiment=\"virtual-threads\",mode=\"virtual\",workload=\"sleep\"")).isGreaterThan(10);
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        assertThat(lab.get("/actuator/health").status()).isEqualTo(200);
        assertThat(lab.get("/actuator/info").status()).isEqualTo(200);
        assertThat(lab.get("/actuator/env").status()).isEqualTo(404);
        assertThat(lab.get("/actuator/beans").status()).isEqualTo(404);
        assertThat(lab.get("/actuator/threaddump").status()).isEqualTo(404);
    }
}
