package concurrencylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalog and the OpenAPI document describe every experiment the same way. */
class CatalogTest extends LabHttpTest {

    @Test
    void theCatalogListsEachExperimentWithClaimsParametersAndLimits() {
        JsonNode catalog = lab.get("/api/experiments").json();

        JsonNode threads = catalog.get("experiments").valueStream()
                .filter(e -> e.get("kind").asString().equals("threads")).findFirst().orElseThrow();
        assertThat(threads.get("endpoint").asString()).isEqualTo("/api/experiments/threads");
        assertThat(threads.get("claims").valueStream().map(c -> c.get("id").asString())).containsExactly("C5");
        assertThat(threads.get("available").asBoolean()).isTrue();
        JsonNode tasks = threads.get("parameters").valueStream()
                .filter(p -> p.get("name").asString().equals("tasks")).findFirst().orElseThrow();
        assertThat(tasks.get("type").asString()).isEqualTo("integer");
        assertThat(tasks.get("default").asInt()).isEqualTo(8);
        assertThat(tasks.get("min").asDouble()).isEqualTo(1);
        assertThat(tasks.get("max").asDouble()).isEqualTo(catalog.get("limits").get("maxTasks").asDouble());
        assertThat(tasks.get("description").asString()).isNotBlank();
        JsonNode workload = threads.get("parameters").valueStream()
                .filter(p -> p.get("name").asString().equals("workload")).findFirst().orElseThrow();
        assertThat(workload.get("allowedValues").valueStream().map(JsonNode::asString))
                .containsExactly("cpu", "sleep", "socket");
        assertThat(threads.get("example").get("poolSize").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(catalog.get("limits").get("queueCapacity").asInt()).isEqualTo(3);
        assertThat(catalog.get("experiments").valueStream().map(e -> e.get("kind").asString()))
                .contains("threads", "virtual-threads");
    }

    @Test
    void eachExperimentHasItsOwnDocumentedOperationWithAReadyExample() {
        JsonNode api = lab.get("/v3/api-docs").json();

        JsonNode catalog = lab.get("/api/experiments").json().get("experiments");
        assertThat(catalog.valueStream().map(e -> e.get("kind").asString()))
                .contains("threads", "virtual-threads", "gil", "gil-convoy", "interpreters");
        for (JsonNode entry : catalog) {
            String kind = entry.get("kind").asString();
            JsonNode post = api.get("paths").get("/api/experiments/" + kind).get("post");
            assertThat(post.get("summary").asString()).startsWith(kind + ":");
            assertThat(post.get("description").asString()).contains("Claims it tests");
            JsonNode json = post.get("requestBody").get("content").get("application/json");
            assertThat(json.get("example")).as(kind + " example").isEqualTo(entry.get("example"));
            String schemaName = json.get("schema").get("$ref").asString().replaceAll(".*/", "");
            JsonNode properties = api.get("components").get("schemas").get(schemaName).get("properties");
            for (JsonNode param : entry.get("parameters")) {
                JsonNode property = properties.get(param.get("name").asString());
                assertThat(property).as(kind + "." + param.get("name")).isNotNull();
                if (param.hasNonNull("default")) { // optional parameters (processes.cpus) have none
                    assertThat(property.get("default")).as(kind + "." + param.get("name") + " default")
                            .isEqualTo(param.get("default"));
                }
                if (param.has("min")) {
                    assertThat(property.get("minimum").asDouble()).isEqualTo(param.get("min").asDouble());
                    assertThat(property.get("maximum").asDouble()).isEqualTo(param.get("max").asDouble());
                }
            }
            assertThat(post.get("parameters").valueStream().map(p -> p.get("name").asString()))
                    .contains("wait", "timeout");
            assertThat(post.get("responses").propertyNames()).contains("200", "202", "400", "413", "429");
        }
    }

    @Test
    void rulesOverSeveralParametersAreInTheCatalogAndInTheOperation() {
        JsonNode sockets = lab.get("/api/experiments/sockets").json();
        assertThat(sockets.get("rules").valueStream().map(JsonNode::asString))
                .anyMatch(rule -> rule.contains("clients x requestsPerClient may be at most 1000000"))
                .anyMatch(rule -> rule.contains("platform client threads"));
        String operation = lab.get("/v3/api-docs").json().get("paths").get("/api/experiments/sockets").get("post")
                .get("description").asString();
        assertThat(operation).contains("Parameters together", "clients x requestsPerClient");
        assertThat(lab.get("/api/experiments/threads").json().has("rules")).as("none for threads").isFalse();
        assertThat(lab.get("/v3/api-docs").json().get("paths").get("/api/experiments/{kind}").has("post"))
                .as("the one POST is shown as one operation per experiment, not as a generic one").isFalse();
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(lab.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(lab.get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
