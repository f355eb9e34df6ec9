package concurrencylab.run;

import concurrencylab.experiment.CatalogEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where to see a run: its JSON, its report page, its timeline as a picture and as a trace for Perfetto, its live
 * events, and the Swagger UI form that starts its experiment again.
 */
public record RunLinks(String self, String report, String timeline, String trace, String events, String form) {

    static RunLinks of(String id, String experiment) {
        String api = "/api/runs/" + id;
        return new RunLinks(api, "/runs/" + id, api + "/timeline.svg", api + "/trace", api + "/events",
                formOf(experiment));
    }

    /** The picture of one part of a run's timeline (a section, e.g. a compare cell "threads/cpu"). */
    static String timelineOf(String id, String part) {
        return "/api/runs/" + id + "/timeline.svg?cell=" + URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    /** The Swagger UI form of an experiment. */
    public static String formOf(String experiment) {
        return "/swagger-ui/index.html#/Experiments/" + CatalogEntry.operationIdOf(experiment);
    }
}
