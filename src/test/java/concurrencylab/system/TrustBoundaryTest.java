package concurrencylab.system;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import concurrencylab.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The trust boundary of a lab on loopback, over real HTTP with the headers a browser sends: a foreign Host (DNS
 * rebinding) reaches nothing; a foreign Origin or a cross-site fetch changes nothing on any endpoint that changes
 * something, and leaves no run; same-origin pages and clients that name no origin (curl) work as before.
 */
class TrustBoundaryTest extends LabHttpTest {

    private static final String TINY = "{\"tasks\": 1, \"poolSize\": 1, \"taskMillis\": 1, \"baseline\": false}";

    @Test
    void aRequestForAForeignHostIsRefusedWhateverItAsks() throws Exception {
        String before = newestRun();
        for (String[] request : new String[][] {{"GET", "/api/runs"}, {"GET", "/"}, {"GET", "/actuator/health"},
                {"POST", "/api/experiments/threads"}}) {
            RawHttp.Answer refused = RawHttp.send(port, request[0], request[1], RawHttp.headers(port, "Host",
                    "rebound.example:" + port, "Content-Type", "application/json"),
                    request[0].equals("POST") ? TINY : null);
            assertThat(refused.status()).as(String.join(" ", request)).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("Foreign host", "rebound.example", "lab.allowed-hosts");
        }
        assertThat(newestRun()).as("no run was recorded").isEqualTo(before);
    }

    @Test
    void loopbackNamesAndAddressesAreThisMachine() throws Exception {
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST",
                "lab.localhost:" + port, "127.0.0.2:" + port)) {
            assertThat(RawHttp.send(port, "GET", "/api/runs", RawHttp.headers(port, "Host", host), null).status())
                    .as(host).isEqualTo(200);
        }
    }

    @Test
    void anotherOriginChangesNothingOnAnyEndpointThatChangesSomething() throws Exception {
        String finished = lab.runToEnd("threads", TINY).get("id").asString();
        String before = newestRun();
        List<String> kinds = lab.get("/api/experiments").json().get("experiments").valueStream()
                .map(e -> e.get("kind").asString()).toList();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(9);
        String[][] foreign = {{"Origin", "http://evil.example"}, {"Origin", "null"},
                {"Origin", "http://127.0.0.1:" + (port + 1)}, {"Sec-Fetch-Site", "cross-site"},
                {"Sec-Fetch-Site", "same-site"}};
        for (String[] from : foreign) {
            for (String kind : kinds) {
                assertRefused(RawHttp.send(port, "POST", "/api/experiments/" + kind, RawHttp.headers(port,
                        "Content-Type", "application/json", from[0], from[1]), "{}"), from);
                // no body at all: what a no-cors fetch sends, every default
                assertRefused(RawHttp.send(port, "POST", "/api/experiments/" + kind, RawHttp.headers(port,
                        from[0], from[1]), null), from);
            }
            assertRefused(RawHttp.send(port, "POST", "/runs", RawHttp.headers(port,
                    "Content-Type", "application/x-www-form-urlencoded", from[0], from[1]), "experiment=threads"), from);
            assertRefused(RawHttp.send(port, "DELETE", "/api/runs/" + finished, RawHttp.headers(port, from[0],
                    from[1]), null), from);
        }
        assertThat(newestRun()).as("no run was recorded").isEqualTo(before);
        assertThat(lab.get("/api/runs/" + finished).json().get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theLabsOwnOriginAndClientsThatNameNoneStartRuns() throws Exception {
        RawHttp.Answer sameOrigin = RawHttp.send(port, "POST", "/api/experiments/threads?wait=30s",
                RawHttp.headers(port, "Content-Type", "application/json", "Origin", "http://127.0.0.1:" + port,
                        "Sec-Fetch-Site", "same-origin"), TINY);
        assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(200);
        RawHttp.Answer form = RawHttp.send(port, "POST", "/runs", RawHttp.headers(port, "Host", "localhost:" + port,
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "http://localhost:" + port), "experiment=threads");
        assertThat(form.status()).isEqualTo(303);
        assertThat(form.header("Location")).matches("/runs/[0-9a-f-]{36}");
        RawHttp.Answer typed = RawHttp.send(port, "POST", "/api/experiments/threads?wait=30s",
                RawHttp.headers(port, "Content-Type", "application/json", "Sec-Fetch-Site", "none"), TINY);
        assertThat(typed.status()).isEqualTo(200);
        assertThat(lab.post("/api/experiments/threads?wait=30s", TINY).status()).as("no Origin: curl").isEqualTo(200);
        lab.awaitFinal(form.header("Location").substring("/runs/".length()), java.time.Duration.ofSeconds(60));
    }

    @Test
    void onLoopbackNothingAsksForAToken() {
        assertThat(lab.get("/v3/api-docs").body()).doesNotContain("labToken");
        assertThat(lab.get("/").body()).doesNotContain("token-needed");
    }

    @Test
    void healthShowsItsDetailsToCallersOnThisMachine() {
        JsonNode health = lab.get("/actuator/health").json();
        assertThat(health.get("components").get("runStore").get("details").get("file").asString()).endsWith(".mv.db");
        assertThat(health.get("components").get("serviceCpus").get("status").asString()).isIn("UP", "UNKNOWN");
    }

    private static void assertRefused(RawHttp.Answer answer, String[] from) {
        assertThat(answer.status()).as(from[0] + ": " + from[1] + " -> " + answer.body()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("Foreign origin");
    }

    /** The newest run's id ("" when there is none): a request that recorded a run would change it. */
    private String newestRun() {
        JsonNode runs = lab.get("/api/runs?limit=1").json().get("runs");
        return runs.isEmpty() ? "" : runs.get(0).get("id").asString();
    }
}
