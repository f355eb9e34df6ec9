package concurrencylab.pages;

import concurrencylab.experiment.CatalogEntry;
import concurrencylab.experiment.ExperimentCatalog;
import concurrencylab.run.RunLinks;
import concurrencylab.run.RunView;
import concurrencylab.run.Runs;
import concurrencylab.system.TrustBoundaryFilter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The front door, {@code GET /}: what the lab is in six lines, every experiment with its claims and a button that
 * starts it with its defaults, the latest runs, and where everything else is. The button is a plain form: {@code POST
 * /runs} starts the run and redirects to its report page, no JavaScript needed.
 */
@Hidden
@RestController
class HomePage {

    /** The six concepts, a line each (docs/concepts.md tells each in full). */
    private static final List<String[]> CONCEPTS = List.of(
            new String[] {"Processes", "a running program with memory of its own; processes share nothing unless "
                    + "they ask, and the OS runs them on different cores at once"},
            new String[] {"Threads", "lines of execution inside one process, sharing its memory; the OS preempts and "
                    + "schedules them, on every core"},
            new String[] {"Coroutines", "functions that suspend themselves at a wait and are resumed later: thousands "
                    + "on one thread, taking turns only where they wait"},
            new String[] {"The GIL", "CPython's global interpreter lock: one thread runs Python code at a time, "
                    + "handed over every switch interval and around I/O; since 3.13 a free-threaded build runs "
                    + "without it, and since 3.12 each subinterpreter has a GIL of its own"},
            new String[] {"Sockets", "the ends of a connection; a read blocks until the peer answers, which is time a "
                    + "thread waits and a core could spend elsewhere"},
            new String[] {"The event loop", "one thread that runs whatever is ready and asks the OS which sockets "
                    + "are; a callback that never waits freezes everyone"});

    private final ExperimentCatalog catalog;
    private final Runs runs;
    private final String grafanaUrl;

    HomePage(ExperimentCatalog catalog, Runs runs, @Value("${lab.grafana-url:}") String grafanaUrl) {
        this.catalog = catalog;
        this.runs = runs;
        this.grafanaUrl = grafanaUrl;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(@RequestParam(required = false) String notice, HttpServletRequest request) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>See concurrency with your own eyes</h1>\n<p class=\"lead\">Each experiment runs real processes, "
                + "threads, coroutines, a simulated GIL, sockets and an event loop on this machine, measures them, "
                + "and says which claim the numbers confirm. Every run has a report with a picture of what happened "
                + "inside it.</p>\n");
        if (Boolean.FALSE.equals(request.getAttribute(TrustBoundaryFilter.MAY_CHANGE))) {
            body.append("<p class=\"notice\" role=\"alert\" id=\"token-needed\">This lab listens beyond loopback, so "
                    + "starting a run needs its token: open the address with <code>?token=</code> that the lab printed "
                    + "in its log when it started (this browser then keeps it), or send <code>Authorization: Bearer "
                    + "&lt;token&gt;</code>. Reading runs needs none.</p>\n");
        }
        if (notice != null && !notice.isBlank()) {
            body.append("<p class=\"notice\" role=\"alert\">").append(Html.escape(notice)).append("</p>\n");
        }
        body.append("<h2>Six ideas</h2>\n<ul class=\"concepts\">\n");
        CONCEPTS.forEach(c -> body.append("<li><b>").append(Html.escape(c[0])).append("</b>: ")
                .append(Html.escape(c[1])).append("</li>\n"));
        body.append("</ul>\n<h2>Experiments</h2>\n<table class=\"experiments\">\n<thead><tr><th>experiment</th>"
                + "<th>what it shows</th><th></th></tr></thead>\n<tbody>\n");
        for (CatalogEntry entry : catalog.entries()) {
            body.append(experimentRow(entry));
        }
        body.append("</tbody>\n</table>\n");
        body.append(latestRuns(runs.latest(10)));
        body.append("<h2>Everything else</h2>\n<ul>\n<li><a href=\"/swagger-ui.html\">Swagger UI</a>: every experiment "
                + "as a form with every parameter</li>\n<li><a href=\"/api/experiments\">The catalog</a>: "
                + "experiments, claims, parameters, limits (JSON)</li>\n<li><a href=\"/api/runs\">Runs</a> (JSON)"
                + "</li>\n<li><a href=\"/actuator/prometheus\">Prometheus metrics</a></li>\n");
        if (!grafanaUrl.isBlank()) {
            body.append("<li><a href=\"").append(Html.escape(grafanaUrl)).append("\">Grafana dashboards</a></li>\n");
        }
        body.append("</ul>\n");
        return Html.page("Concurrency Lab", "", body.toString());
    }

    private static String experimentRow(CatalogEntry entry) {
        String claims = entry.claims().stream()
                .map(c -> "<li><b>" + Html.escape(c.id()) + "</b> " + Html.escape(c.statement()) + "</li>")
                .collect(Collectors.joining("", "<ul class=\"claims\">", "</ul>"));
        String button = entry.available()
                ? "<form method=\"post\" action=\"/runs\"><input type=\"hidden\" name=\"experiment\" value=\""
                        + Html.escape(entry.kind()) + "\"><button type=\"submit\" data-kind=\"" + Html.escape(entry.kind())
                        + "\">Run with defaults</button></form>"
                : "<span class=\"unavailable\">not available here: " + Html.escape(String.join("; ",
                        entry.limitations())) + "</span>";
        return "<tr><td><b>" + Html.escape(entry.kind()) + "</b><br><a href=\"" + Html.escape(RunLinks.formOf(entry.kind()))
                + "\">form</a></td><td><b>" + Html.escape(entry.title()) + "</b>" + claims + "</td><td>" + button
                + "</td></tr>\n";
    }

    private static String latestRuns(List<RunView> latest) {
        StringBuilder b = new StringBuilder("<h2>Latest runs</h2>\n");
        if (latest.isEmpty()) {
            return b.append("<p>None yet: press a button above.</p>\n").toString();
        }
        b.append("<table class=\"runs\">\n<thead><tr><th>run</th><th>experiment</th><th>status</th><th>submitted</th>"
                + "<th>verdicts</th></tr></thead>\n<tbody>\n");
        for (RunView run : latest) {
            b.append("<tr><td><a href=\"").append(Html.escape(run.links().report())).append("\">")
                    .append(Html.escape(run.id().substring(0, 8))).append("</a></td><td>")
                    .append(Html.escape(run.experiment())).append("</td><td class=\"status ")
                    .append(Html.escape(run.status().name().toLowerCase(java.util.Locale.ROOT))).append("\">")
                    .append(Html.escape(run.status())).append("</td><td>").append(Html.escape(run.submittedAt()))
                    .append("</td><td>").append(ReportHtml.verdictBadges(run)).append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    /** The form's button: starts the run and shows its report; a refusal comes back to this page as a notice. */
    @PostMapping(path = "/runs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> start(@RequestParam String experiment) {
        String where;
        try {
            where = runs.startWithDefaults(experiment).links().report();
        } catch (ErrorResponseException refused) {
            String detail = refused.getBody().getDetail();
            where = "/?notice=" + URLEncoder.encode(detail == null ? "the run was refused" : detail,
                    StandardCharsets.UTF_8);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(where)).build();
    }
}
