package concurrencylab.run;

import concurrencylab.experiment.CatalogEntry;

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

    /** The Swagger UI form of an experiment. */
    public static String formOf(String experiment) {
        return "/swagger-ui/index.html#/Experiments/" + CatalogEntry.operationIdOf(experiment);
    }
}
