package concurrencylab.system;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A lab that listens beyond loopback (server.address 0.0.0.0) asks for its token for everything that changes
 * something: 401 without, accepted with it as a bearer, or through the URL once, which leaves a cookie the pages
 * carry. Reads stay open, and any Host is served (Prometheus scrapes app:8080 under compose). The requests still go
 * to 127.0.0.1: nothing here leaves this machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=0.0.0.0",
        "lab.token=s3cret-token",
        "spring.test.metrics.auto-configure=true",
        "lab.store.path=target/test-data/${random.uuid}/runs"})
class TokenTest {

    private static final String TINY = "{\"tasks\": 1, \"poolSize\": 1, \"taskMillis\": 1, \"baseline\": false}";

    @LocalServerPort
    int port;

    @Test
    void changingSomethingNeedsTheTokenAndLeavesNoRunWithoutIt() throws Exception {
        String before = newestRun();
        RawHttp.Answer without = post("/api/experiments/threads", TINY);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(without.header("Content-Type")).startsWith("application/problem+json");
        assertThat(without.body()).contains("Token needed", "Authorization: Bearer");
        assertThat(post("/api/experiments/threads", TINY, "Authorization", "Bearer wrong").status()).isEqualTo(401);
        assertThat(RawHttp.send(port, "POST", "/runs", RawHttp.headers(port, "Content-Type",
                "application/x-www-form-urlencoded"), "experiment=threads").status()).isEqualTo(401);
        assertThat(RawHttp.send(port, "DELETE", "/api/runs/" + before, RawHttp.headers(port), null).status())
                .isEqualTo(401);
        assertThat(newestRun()).as("no run was recorded").isEqualTo(before);

        RawHttp.Answer with = post("/api/experiments/threads?wait=30s", TINY, "Authorization", "Bearer s3cret-token");
        assertThat(with.status()).as(with.body()).isEqualTo(200);
        assertThat(post("/api/experiments/threads?wait=30s&token=s3cret-token", TINY).status())
                .as("the token in the URL, as curl may send it").isEqualTo(200);
    }

    @Test
    void theUrlWithTheTokenLeavesACookieThatThePagesFormsCarry() throws Exception {
        RawHttp.Answer opened = RawHttp.send(port, "GET", "/?token=s3cret-token", RawHttp.headers(port), null);
        assertThat(opened.status()).isEqualTo(303);
        assertThat(opened.header("Location")).as("the token leaves the address bar").isEqualTo("/");
        String cookie = opened.header("Set-Cookie");
        assertThat(cookie).startsWith("lab_token=s3cret-token").contains("HttpOnly", "SameSite=Strict", "Path=/");

        RawHttp.Answer home = RawHttp.send(port, "GET", "/", RawHttp.headers(port, "Cookie", cookie.split(";")[0]), null);
        assertThat(home.body()).doesNotContain("token-needed");
        RawHttp.Answer started = RawHttp.send(port, "POST", "/runs", RawHttp.headers(port, "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", cookie.split(";")[0], "Origin", "http://127.0.0.1:" + port),
                "experiment=threads");
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        assertThat(started.header("Location")).matches("/runs/[0-9a-f-]{36}");
        // The run it started (every default) must end here: later test classes measure this machine.
        new concurrencylab.LabClient(port, "s3cret-token").awaitFinal(started.header("Location").substring(6),
                java.time.Duration.ofSeconds(60));

        assertThat(RawHttp.send(port, "GET", "/?token=wrong", RawHttp.headers(port), null).status()).isEqualTo(401);
        RawHttp.Answer stranger = RawHttp.send(port, "GET", "/", RawHttp.headers(port), null);
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.body()).as("the front page says what starting a run needs").contains("token-needed");
    }

    @Test
    void readsStayOpenForAnyHostAsPrometheusScrapesAppUnderCompose() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/api/runs", "/api/experiments"}) {
            assertThat(RawHttp.send(port, "GET", path, RawHttp.headers(port, "Host", "app:8080"), null).status())
                    .as(path).isEqualTo(200);
        }
    }

    @Test
    void swaggerUiOffersToAuthorizeWithTheToken() throws Exception {
        String apiDocs = RawHttp.send(port, "GET", "/v3/api-docs", RawHttp.headers(port), null).body();
        assertThat(apiDocs).contains("\"labToken\"", "\"scheme\":\"bearer\"");
    }

    @Test
    void theTokenDoesNotOpenTheDoorToAnotherOrigin() throws Exception {
        RawHttp.Answer foreign = post("/api/experiments/threads", TINY, "Authorization", "Bearer s3cret-token",
                "Origin", "http://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("Foreign origin");
    }

    private RawHttp.Answer post(String path, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return RawHttp.send(port, "POST", path, RawHttp.headers(port, all), body);
    }

    private String newestRun() throws Exception {
        String body = RawHttp.send(port, "GET", "/api/runs?limit=1", RawHttp.headers(port), null).body();
        int at = body.indexOf("\"id\":\"");
        return at < 0 ? "" : body.substring(at + 6, body.indexOf('"', at + 6));
    }
}
