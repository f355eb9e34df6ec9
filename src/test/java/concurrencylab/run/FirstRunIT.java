package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import concurrencylab.PackagedService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A newcomer's first click: every experiment with {@code {}} as the first run of a packaged service freshly started
 * with bin/lab
 * confirms every claim it can show. A miss is excused only as machine-busy with its reason (other programs, or the
 * lab's own compiler, took the cores); cannot-show must say which parameters would show it.
 */
class FirstRunIT {

    @Test
    void everyExperimentsDefaultsConfirmWhatTheyCanShowAsTheFirstRunAfterAStart() throws Exception {
        Map<String, List<String>> parametersOf = new LinkedHashMap<>();
        try (PackagedService service = PackagedService.launch()) {
            service.lab().get("/api/experiments").json().get("experiments").valueStream()
                    .filter(e -> e.get("available").asBoolean())
                    .forEach(e -> parametersOf.put(e.get("kind").asString(), e.get("parameters").valueStream()
                            .map(parameter -> parameter.get("name").asString()).toList()));
        }
        List<String> kinds = List.copyOf(parametersOf.keySet());
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(9);
        List<String> misses = new ArrayList<>();
        for (String kind : kinds) {
            try (PackagedService service = PackagedService.launch()) {
                LabClient lab = service.lab();
                JsonNode run = lab.runToEnd(kind, "{}");
                assertThat(run.get("status").asString()).as(kind + ": " + run.get("error")).isEqualTo("SUCCEEDED");
                for (JsonNode verdict : run.get("result").get("verdicts")) {
                    String outcome = verdict.get("outcome").asString();
                    String evidence = verdict.get("evidence").asString();
                    String line = kind + " " + verdict.get("claim").asString() + " " + outcome + ": " + evidence;
                    switch (outcome) {
                        case "confirmed" -> { }
                        case "cannot-show" -> assertThat(evidence).as(line + ": names the parameters that would")
                                .containsAnyOf(parametersOf.get(kind).toArray(String[]::new));
                        case "machine-busy" -> assertThat(evidence).as(line).contains("busy");
                        default -> misses.add(line);
                    }
                }
            }
        }
        assertThat(misses).as("claims a first run with every default did not show on a machine that was free").isEmpty();
    }
}
