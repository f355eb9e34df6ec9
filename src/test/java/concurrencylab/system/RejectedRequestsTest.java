package concurrencylab.system;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat rejects before Spring sees them answer problem+json in UTF-8 like every other error, not Tomcat's
 * HTML page. Sent over a raw socket: a well-behaved HTTP client refuses to send them at all.
 */
class RejectedRequestsTest extends LabHttpTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /api/runs/a%2Fb HTTP/1.1\r\nHost: localhost\r\n",
            "GET /api/runs/a%00b HTTP/1.1\r\nHost: localhost\r\n",
            "GET /api/runs/% HTTP/1.1\r\nHost: localhost\r\n",
            "GET /api/runs/a%5Cb HTTP/1.1\r\nHost: localhost\r\n",
            "GET /api/runs HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\n",
            "LONG-URL"})
    void answersProblemJsonNotTomcatsPage(String head) throws IOException {
        String request = head.equals("LONG-URL")
                ? "GET /api/runs/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n" : head;

        Raw answer = send(request + "Connection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.head()).isEqualTo(400);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json;charset=utf-8");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains("rejected before it reached the service");
    }

    private record Raw(int status, String head, String body) {
    }

    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
