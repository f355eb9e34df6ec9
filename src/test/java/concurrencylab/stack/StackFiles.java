package concurrencylab.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The repository's stack files, parsed: compose, Prometheus config, Grafana provisioning and dashboards. */
final class StackFiles {

    static final Path ROOT = Path.of("").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StackFiles() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String path) {
        try (var reader = Files.newBufferedReader(ROOT.resolve(path))) {
            return (Map<String, Object>) new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> dashboards() {
        try (var files = Files.list(ROOT.resolve("grafana/dashboards"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path path) {
        try {
            return JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One panel query: the dashboard and panel it belongs to, and its PromQL. */
    record PanelQuery(String dashboard, String panel, String expr) {

        /** The query as Grafana would send it, with the dashboard's variables filled in. */
        String evaluable() {
            return expr.replace("$instance", ".*").replace("$__rate_interval", "1m").replace("$__range", "5m")
                    .replace("$__interval", "15s");
        }
    }

    static List<PanelQuery> panelQueries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = json(file);
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new PanelQuery(dashboard.get("uid").asString(), panel.get("title").asString(),
                            target.get("expr").asString()));
                }
            }
        }
        return queries;
    }

    private static final Pattern METRIC = Pattern.compile("\\b((?:lab|jvm|process|system)_[a-z0-9_]+)\\b");

    /** The metric names a PromQL expression reads. */
    static List<String> metricNames(String expr) {
        List<String> names = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
