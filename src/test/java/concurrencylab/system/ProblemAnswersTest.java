package concurrencylab.system;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import concurrencylab.LabHttpTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Every kind of bad input gets a 4xx problem+json that names what was wrong; never a 5xx. */
class ProblemAnswersTest extends LabHttpTest {

    @ParameterizedTest(name = "{0} -> field {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"tasks": -1}                     | tasks      | 1..100000
            {"tasks": 0}                      | tasks      | 1..100000
            {"tasks": 100000000}              | tasks      | 1..100000
            {"poolSize": 100000}              | poolSize   | 1..256
            {"taskMillis": 0}                 | taskMillis | 1..10000
            {"workload": "gpu"}               | workload   | cpu, sleep, socket
            {"tasks": "many"}                 | tasks      |
            {"tasks": 1.5}                    | tasks      |
            {"baseline": "yes"}               | baseline   |
            {"tasks": 99999999999}            | tasks      |
            {"task": 3}                       | task       | baseline, poolSize, taskMillis, tasks, workload
            """)
    void aBadFieldIsNamedWithItsAllowedRange(String body, String field, String allowed) {
        LabClient.Answer answer = lab.post("/api/experiments/threads", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).isNotBlank();
        if (allowed != null) {
            assertThat(error.get("allowed").asString()).isEqualTo(allowed);
        }
        assertThat(answer.json().get("detail").asString()).contains(field);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        JsonNode problem = lab.post("/api/experiments/virtual-threads", """
                {"tasks": -1, "taskMillis": 0}""").json();

        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("tasks", "taskMillis");
        assertThat(problem.get("errors").get(0).get("rejectedValue").isNumber()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"tasks":
            [1, 2]
            not json
            "text"
            """)
    void malformedOrMisshapenBodiesAre400(String body) {
        LabClient.Answer answer = lab.post("/api/experiments/threads", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void anEmptyBodyOrNoBodyRunsTheDefaults() {
        LabClient.Answer none = lab.send(HttpRequest.newBuilder(lab.uri("/api/experiments/threads?wait=30s"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("params").get("tasks").asInt()).isEqualTo(8);
        assertThat(none.json().get("params").get("workload").asString()).isEqualTo("cpu");
    }

    @Test
    void anUnknownExperimentIs404AndListsTheKnownOnes() {
        LabClient.Answer answer = lab.post("/api/experiments/quantum", "{}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("knownKinds").valueStream().map(JsonNode::asString))
                .contains("threads", "virtual-threads");
        assertThat(lab.get("/api/experiments/quantum").status()).isEqualTo(404);
    }

    @Test
    void anUnknownRunOrUrlIs404ProblemJson() {
        assertThat(lab.get("/api/runs/no-such-run").status()).isEqualTo(404);
        assertThat(lab.delete("/api/runs/no-such-run").status()).isEqualTo(404);
        LabClient.Answer unmapped = lab.get("/no/such/page");
        assertThat(unmapped.status()).isEqualTo(404);
        assertThat(unmapped.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({"wait, forever", "wait, 61s", "wait, -1s", "timeout, 0s", "timeout, 11m", "timeout, soon"})
    void badWaitOrTimeoutIsNamed(String parameter, String value) {
        LabClient.Answer answer = lab.post("/api/experiments/threads?" + parameter + "=" + value, "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
        assertThat(answer.json().get("errors").get(0).get("allowed").asString()).contains("..");
    }

    @ParameterizedTest
    @CsvSource({"status=DONE, status", "limit=0, limit", "limit=1000, limit", "limit=lots, limit"})
    void badListParametersAreNamed(String query, String field) {
        LabClient.Answer answer = lab.get("/api/runs?" + query);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"tasks\": 1" + " ".repeat(100_000) + "}";

        LabClient.Answer answer = lab.post("/api/experiments/threads", huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(answer.json().get("instance").asString()).isEqualTo("/api/experiments/threads");
    }

    @Test
    void aChunkedOversizedBodyIs413() {
        byte[] huge = ("{\"tasks\": 1" + " ".repeat(100_000) + "}").getBytes();
        LabClient.Answer answer = lab.send(HttpRequest.newBuilder(lab.uri("/api/experiments/threads"))
                .header("Content-Type", "application/json")
                // A publisher of unknown length makes the client send the body chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))));

        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void aWrongContentTypeIs415() {
        LabClient.Answer answer = lab.send(HttpRequest.newBuilder(lab.uri("/api/experiments/threads"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("tasks=1")));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
