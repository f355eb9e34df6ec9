package concurrencylab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the lab's API in tests: real requests over loopback, JSON answers as trees. */
public final class LabClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public LabClient(int port) {
        this(port, null);
    }

    /** A client that sends {@code Authorization: Bearer token} with every request (a lab beyond loopback). */
    public LabClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** An answer: status, headers and the body as JSON (null when empty or not JSON). */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String body() {
            return raw.body();
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Answer post(String path, String jsonBody) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response, parse(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpClient http() {
        return http;
    }

    /** Starts a run and waits for it to finish (up to 60 s), failing unless the answer is 200. */
    public JsonNode runToEnd(String kind, String jsonBody) {
        Answer answer = post("/api/experiments/" + kind + "?wait=60s", jsonBody);
        if (answer.status() != 200) {
            throw new AssertionError("expected 200 for " + kind + " " + jsonBody + ", got " + answer.status() + ": "
                    + answer.body());
        }
        return answer.json();
    }

    /** Polls a run until it reaches a final status or {@code within} passes; returns the last view. */
    public JsonNode awaitFinal(String id, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode run;
        do {
            run = get("/api/runs/" + id).json();
            if (isFinal(run.get("status").asString())) {
                return run;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return run;
    }

    public static boolean isFinal(String status) {
        return switch (status) {
            case "SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT" -> true;
            default -> false;
        };
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
