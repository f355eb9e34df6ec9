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
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The front door, {@code GET /}: what the lab is in six lines, every experiment with its claims and a button that
 * starts it with its defaults, the latest runs, and where everything else is. The button is a plain form: {@code POST
 * /runs} starts the run and redirects to its report page, no JavaScript needed.
 */
@Hidden
@Controller
class HomePage {

    /** The six concepts, a line each (docs/concepts.md tells each in full). */
    private static final List<Concept> CONCEPTS = List.of(
            new Concept("Processes", "a running program with memory of its own; processes share nothing unless "
                    + "they ask, and the OS runs them on different cores at once"),
            new Concept("Threads", "lines of execution inside one process, sharing its memory; the OS preempts and "
                    + "schedules them, on every core"),
            new Concept("Coroutines", "functions that suspend themselves at a wait and are resumed later: thousands "
                    + "on one thread, taking turns only where they wait"),
            new Concept("The GIL", "CPython's global interpreter lock: one thread runs Python code at a time, "
                    + "handed over every switch interval and around I/O; since 3.13 a free-threaded build runs "
                    + "without it, and since 3.12 each subinterpreter has a GIL of its own"),
            new Concept("Sockets", "the ends of a connection; a read blocks until the peer answers, which is time a "
                    + "thread waits and a core could spend elsewhere"),
            new Concept("The event loop", "one thread that runs whatever is ready and asks the OS which sockets "
                    + "are; a callback that never waits freezes everyone"));

    private final ExperimentCatalog catalog;
    private final Runs runs;
    private final String grafanaUrl;
    /** Times are shown in the service's zone: the lab runs on its reader's machine. */
    private final ZoneId zone = ZoneId.systemDefault();

    HomePage(ExperimentCatalog catalog, Runs runs, @Value("${lab.grafana-url:}") String grafanaUrl) {
        this.catalog = catalog;
        this.runs = runs;
        this.grafanaUrl = grafanaUrl;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView home(@RequestParam(required = false) String notice, HttpServletRequest request) {
        Instant now = Instant.now();
        List<RunRow> latest = runs.latest(10).stream().map(run -> RunRow.of(run, zone, now)).toList();
        return new ModelAndView("home", Map.of("page", new Home(
                Boolean.FALSE.equals(request.getAttribute(TrustBoundaryFilter.MAY_CHANGE)),
                notice == null || notice.isBlank() ? null : notice, CONCEPTS,
                catalog.entries().stream().map(ExperimentRow::of).toList(), latest, !latest.isEmpty(),
                grafanaUrl.isBlank() ? null : grafanaUrl)));
    }

    /**
     * The front page's model.
     *
     * @param tokenNeeded this request may read but not start runs: say where the token is
     * @param notice      why the last start was refused, or null
     */
    record Home(boolean tokenNeeded, String notice, List<Concept> concepts, List<ExperimentRow> experiments,
            List<RunRow> runs, boolean anyRuns, String grafanaUrl) {
        /** The page's title, in its head. */
        public String title() {
            return "Concurrency Lab";
        }
    }

    /** One of the six concepts, a line each. */
    record Concept(String name, String meaning) {
    }

    /** An experiment with its claims and its button (or why it cannot run here). */
    record ExperimentRow(String kind, String title, String form, List<CatalogEntry.ClaimRef> claims, boolean available,
            String limitations) {

        static ExperimentRow of(CatalogEntry entry) {
            return new ExperimentRow(entry.kind(), entry.title(), RunLinks.formOf(entry.kind()), entry.claims(),
                    entry.available(), String.join("; ", entry.limitations()));
        }
    }

    /** A run in the list of the latest: when it was submitted, how long it took, a badge per verdict. */
    record RunRow(String report, String shortId, String experiment, String status, String statusClass,
            HumanTime.When submitted, String took, List<Badge> badges, String error) {

        static RunRow of(RunView run, ZoneId zone, Instant now) {
            List<Badge> badges = run.result() == null ? List.of() : run.result().verdicts().stream()
                    .map(v -> new Badge(v.claim(), v.outcome().tag(), v.evidence())).toList();
            String error = run.result() != null || run.error() == null ? null
                    : run.error().length() <= 80 ? run.error() : run.error().substring(0, 79) + "\u2026";
            return new RunRow(run.links().report(), run.id().substring(0, 8), run.experiment(), run.status().name(),
                    run.status().name().toLowerCase(Locale.ROOT), HumanTime.of(run.submittedAt(), zone, now),
                    HumanTime.between(run.startedAt(), run.finishedAt()), badges, error);
        }
    }

    /** A verdict as a small coloured badge; its evidence in the tooltip. */
    record Badge(String claim, String tag, String evidence) {
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
