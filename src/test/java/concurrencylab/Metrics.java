package concurrencylab;

import java.util.Arrays;
import java.util.List;

/** Reads series from the service's real Prometheus scrape. */
public final class Metrics {

    private Metrics() {
    }

    public static List<String> scrape(LabClient lab) {
        LabClient.Answer answer = lab.get("/actuator/prometheus");
        if (answer.status() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + answer.status());
        }
        return Arrays.asList(answer.body().split("\n"));
    }

    /** The value of the first series named {@code name} whose labels contain {@code labelPart}; 0 if none. */
    public static double value(LabClient lab, String name, String labelPart) {
        return scrape(lab).stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(labelPart))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
