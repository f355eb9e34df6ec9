package concurrencylab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml, the Dockerfile, the Prometheus config and the Grafana provisioning, cross-checked: what one
 * file names, another must provide. No Docker engine runs here, so this is how the stack is proven to fit.
 */
@SuppressWarnings("unchecked")
class StackFilesTest {

    private final Map<String, Object> compose = StackFiles.yaml("docker-compose.yml");
    private final Map<String, Object> services = (Map<String, Object>) compose.get("services");

    private Map<String, Object> service(String name) {
        assertThat(services).as("compose services").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    private static int appPort() {
        Map<String, Object> config = StackFiles.yaml("src/main/resources/application.yml");
        return (Integer) ((Map<String, Object>) config.get("server")).get("port");
    }

    @Test
    void eachServicePublishesItsDocumentedPortOnLoopbackOnly() {
        assertThat((List<String>) service("app").get("ports")).containsExactly("127.0.0.1:" + appPort() + ":" + appPort());
        assertThat((List<String>) service("prometheus").get("ports")).containsExactly("127.0.0.1:9090:9090");
        assertThat((List<String>) service("grafana").get("ports")).containsExactly("127.0.0.1:3000:3000");
        for (Map.Entry<String, Object> each : services.entrySet()) {
            List<String> ports = (List<String>) ((Map<String, Object>) each.getValue()).get("ports");
            assertThat(ports == null ? List.<String>of() : ports).as(each.getKey() + " publishes on 127.0.0.1 only")
                    .allMatch(p -> p.startsWith("127.0.0.1:"));
        }
        String readme = StackFiles.text("README.md");
        assertThat(readme).contains("docker compose up --build", "http://localhost:8080/swagger-ui.html",
                "http://localhost:9090", "http://localhost:3000");
        assertThat(StackFiles.text("Dockerfile")).contains("EXPOSE " + appPort());
    }

    @Test
    void everyMountedHostPathExistsAndLandsWhereItsConsumerLooks() {
        for (String name : List.of("prometheus", "grafana")) {
            for (String volume : (List<String>) service(name).get("volumes")) {
                String host = volume.split(":")[0];
                assertThat(StackFiles.ROOT.resolve(host)).as(name + " mounts " + host).exists();
            }
        }
        List<String> prometheusMounts = (List<String>) service("prometheus").get("volumes");
        List<String> command = (List<String>) service("prometheus").get("command");
        String configInContainer = command.stream().filter(c -> c.startsWith("--config.file="))
                .map(c -> c.substring("--config.file=".length())).findFirst().orElseThrow();
        assertThat(prometheusMounts).anyMatch(v -> v.startsWith("./prometheus/prometheus.yml:" + configInContainer));

        List<String> grafanaMounts = (List<String>) service("grafana").get("volumes");
        assertThat(grafanaMounts).contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
        String dashboardsInContainer = grafanaMounts.stream().filter(v -> v.startsWith("./grafana/dashboards:"))
                .map(v -> v.split(":")[1]).findFirst().orElseThrow();
        Map<String, Object> providers = StackFiles.yaml("grafana/provisioning/dashboards/lab.yml");
        Map<String, Object> provider = ((List<Map<String, Object>>) providers.get("providers")).getFirst();
        assertThat(((Map<String, Object>) provider.get("options")).get("path")).isEqualTo(dashboardsInContainer);
        String home = (String) ((Map<String, Object>) service("grafana").get("environment"))
                .get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).startsWith(dashboardsInContainer + "/");
        assertThat(StackFiles.ROOT.resolve("grafana/dashboards").resolve(home.substring(dashboardsInContainer.length() + 1)))
                .exists();
    }

    @Test
    void theRunsLiveOnANamedVolumeWhereTheServiceKeepsThem() {
        assertThat((List<String>) service("app").get("volumes")).containsExactly("lab-data:/app/data");
        assertThat(StackFiles.yaml("docker-compose.yml")).containsKey("volumes");
        assertThat((Map<String, Object>) StackFiles.yaml("docker-compose.yml").get("volumes")).containsKey("lab-data");
        String dockerfile = StackFiles.text("Dockerfile");
        // The service keeps its runs in ./data/runs under its working directory, /app; the user lab may write there.
        assertThat(dockerfile).contains("WORKDIR /app").contains("VOLUME /app/data")
                .contains("mkdir -p /app/data && chown lab:lab /app/data").contains("USER lab");
        assertThat(StackFiles.text("src/main/java/concurrencylab/run/RunStore.java"))
                .contains("${lab.store.path:./data/runs}");
    }

    @Test
    void prometheusScrapesTheAppServiceOnItsPortAndPathEveryFiveSeconds() {
        Map<String, Object> config = StackFiles.yaml("prometheus/prometheus.yml");
        Map<String, Object> global = (Map<String, Object>) config.get("global");
        assertThat(global.get("scrape_interval")).isEqualTo("5s");
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).getFirst();
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).getFirst()
                .get("targets");
        assertThat(targets).containsExactly("app:" + appPort());
        assertThat(services).containsKey(targets.getFirst().split(":")[0]);

        Map<String, Object> datasource = datasource();
        assertThat(((Map<String, Object>) datasource.get("jsonData")).get("timeInterval"))
                .as("Grafana's minimum interval equals the scrape interval").isEqualTo(global.get("scrape_interval"));
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(StackFiles.text("src/main/resources/application.yml")).contains("include: health,info,prometheus");
    }

    private static Map<String, Object> datasource() {
        Map<String, Object> file = StackFiles.yaml("grafana/provisioning/datasources/prometheus.yml");
        return ((List<Map<String, Object>>) file.get("datasources")).getFirst();
    }

    @Test
    void everyPanelUsesTheProvisionedDatasourceByUidAndNoPlaceholder() {
        String uid = (String) datasource().get("uid");
        assertThat(StackFiles.dashboards()).hasSizeGreaterThanOrEqualTo(4);
        List<String> uids = new ArrayList<>();
        for (Path file : StackFiles.dashboards()) {
            String text = StackFiles.text(StackFiles.ROOT.relativize(file).toString());
            assertThat(text).as(file + " has no ${DS_...} placeholder").doesNotContain("${DS_");
            JsonNode dashboard = StackFiles.json(file);
            uids.add(dashboard.get("uid").asString());
            assertThat(dashboard.get("templating").get("list").valueStream().map(v -> v.get("name").asString()))
                    .as(file + " variables").contains("instance");
            for (JsonNode panel : dashboard.get("panels")) {
                String title = file.getFileName() + " / " + panel.get("title").asString();
                assertThat(panel.get("datasource").get("uid").asString()).as(title).isEqualTo(uid);
                assertThat(panel.get("targets")).as(title + " targets").isNotEmpty();
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.get("datasource").get("uid").asString()).as(title).isEqualTo(uid);
                    assertThat(target.get("expr").asString()).as(title + " filters by instance")
                            .contains("instance=~\"$instance\"");
                }
            }
        }
        assertThat(uids).doesNotHaveDuplicates();
    }

    @Test
    void prometheusAndGrafanaStartAfterTheAppIsHealthyAndEveryServiceHasAHealthcheck() {
        for (String name : List.of("prometheus", "grafana")) {
            Map<String, Object> dependsOn = (Map<String, Object>) service(name).get("depends_on");
            assertThat((Map<String, Object>) dependsOn.get("app")).as(name).containsEntry("condition", "service_healthy");
        }
        for (String name : List.of("app", "prometheus", "grafana")) {
            assertThat((Map<String, Object>) service(name).get("healthcheck")).as(name).containsKey("test");
        }
    }

    @Test
    void healthchecksUseOnlyToolsTheirImagesHave() {
        // eclipse-temurin JRE: bash, no curl or wget. prom/prometheus (busybox) and grafana/grafana (Alpine): wget.
        List<String> app = (List<String>) ((Map<String, Object>) service("app").get("healthcheck")).get("test");
        assertThat(app.get(1)).isEqualTo("bash");
        assertThat(String.join(" ", app)).doesNotContain("curl", "wget").contains("/dev/tcp/127.0.0.1/" + appPort())
                .contains("/actuator/health");
        assertThat(StackFiles.text("Dockerfile")).contains("/dev/tcp/127.0.0.1/" + appPort());
        for (String name : List.of("prometheus", "grafana")) {
            List<String> test = (List<String>) ((Map<String, Object>) service(name).get("healthcheck")).get("test");
            assertThat(test.get(1)).as(name).isEqualTo("wget");
        }
        assertThat(String.join(" ", (List<String>) ((Map<String, Object>) service("prometheus").get("healthcheck"))
                .get("test"))).contains(":9090/-/healthy");
        assertThat(String.join(" ", (List<String>) ((Map<String, Object>) service("grafana").get("healthcheck"))
                .get("test"))).contains(":3000/api/health");
    }

    @Test
    void grafanaIsReadOnlyForAnonymousViewersAndHasNoDefaultAdminPassword() {
        Map<String, Object> env = (Map<String, Object>) service("grafana").get("environment");
        assertThat(env).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        // ${VAR:?message}: compose refuses to start while the variable is unset or empty; no ":-" default.
        assertThat((String) env.get("GF_SECURITY_ADMIN_PASSWORD")).startsWith("${GRAFANA_ADMIN_PASSWORD:?")
                .doesNotContain(":-");
        assertThat(StackFiles.text("README.md")).contains("GRAFANA_ADMIN_PASSWORD=");
    }

    @Test
    void theImageListensInsideItsContainerAndTheAppTakesItsTokenFromTheEnvironment() {
        String dockerfile = StackFiles.text("Dockerfile");
        assertThat(dockerfile).containsPattern("(?m)^ENV SERVER_ADDRESS=0\\.0\\.0\\.0$");
        assertThat(dockerfile).contains("chmod 700 /app/data");
        Map<String, Object> env = (Map<String, Object>) service("app").get("environment");
        assertThat(env).containsEntry("LAB_TOKEN", "${LAB_TOKEN:-}");
        // The service itself stays on loopback unless told otherwise.
        Map<String, Object> server = (Map<String, Object>) StackFiles.yaml("src/main/resources/application.yml")
                .get("server");
        assertThat(server).containsEntry("address", "127.0.0.1");
    }

    @Test
    void theDockerfileBuildsOnAJdkRunsOnAJreAsNonRootAndExtractsWithTheToolsJarMode() {
        String dockerfile = StackFiles.text("Dockerfile");
        assertThat(dockerfile).contains("FROM eclipse-temurin:25-jdk AS build", "FROM eclipse-temurin:25-jre",
                "-Djarmode=tools", "extract --layers").doesNotContain("layertools");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
        assertThat(dockerfile).contains("MaxRAMPercentage");
        // Every directory copied into the image is one the tools jar mode writes.
        Matcher copies = Pattern.compile("COPY --from=build /extracted/(\\S+)/ \\./").matcher(dockerfile);
        List<String> layers = new ArrayList<>();
        while (copies.find()) {
            layers.add(copies.group(1));
        }
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(Files.exists(StackFiles.ROOT.resolve(".dockerignore"))).isTrue();
        assertThat(StackFiles.text(".dockerignore")).contains("target/");
    }

    @Test
    void everyLabMetricTheServiceDefinesIsOnADashboard() throws Exception {
        List<String> onDashboards = StackFiles.panelQueries().stream()
                .flatMap(q -> StackFiles.metricNames(q.expr()).stream()).toList();
        String allQueries = String.join(" ", onDashboards);
        // The lab's meters, by their Micrometer names in the sources, as Prometheus names them.
        Pattern meter = Pattern.compile("\"(lab\\.(?!limits)[a-z.]*[a-z])\""); // lab.limits is configuration
        List<String> missing = new ArrayList<>();
        try (var sources = Files.walk(StackFiles.ROOT.resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = meter.matcher(Files.readString(source));
                while (m.find()) {
                    String prometheusName = m.group(1).replace('.', '_');
                    if (!allQueries.contains(prometheusName)) {
                        missing.add(m.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("lab metrics that no dashboard panel shows").isEmpty();
    }
}
