package concurrencylab.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training run behind {@code bin/lab}'s start-up cache, on only when {@code lab.start-cache.training=true} (which
 * {@code bin/lab prepare} sets, with the warm-up off and a throwaway store). Once the service is ready it asks itself,
 * over loopback, for the requests that come first after every start ({@link #PATHS}: the health check that says it
 * has started, Prometheus's scrape), then exits; at that exit the JVM writes its AOT cache with the classes those
 * requests loaded and linked and the profiles they gathered. Measured against a training run that stopped as soon as
 * the context had refreshed ({@code spring.context.exit=onRefresh}): healthy about 0.3 s sooner, because serving the
 * first request no longer loads and links the web layer from scratch. Asking for more (the front page, the
 * experiment list, the OpenAPI document) or warming up the experiments started slower: their profiles, replayed at
 * start, send the JIT compiler to work on the start path (see docs/benchmarks.md). A plain socket, not an HTTP
 * client, so that no client's classes ride along in the cache. Stateless.
 */
@Component
class StartCacheTraining {

    static final List<String> PATHS = List.of("/actuator/health", "/actuator/prometheus");

    private static final Logger log = LoggerFactory.getLogger(StartCacheTraining.class);

    private final boolean training;

    StartCacheTraining(@Value("${lab.start-cache.training:false}") boolean training) {
        this.training = training;
    }

    @EventListener(ApplicationReadyEvent.class)
    void train(ApplicationReadyEvent event) {
        if (!training || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        Thread.ofPlatform().name("lab-start-cache-training").start(() -> {
            int failures = askForEachPath(port);
            int code = SpringApplication.exit(event.getApplicationContext(), () -> failures == 0 ? 0 : 1);
            System.exit(code); // the JVM writes the AOT cache on its way out
        });
    }

    private static int askForEachPath(int port) {
        int failures = 0;
        for (String path : PATHS) {
            try {
                String status = get(port, path);
                if (!status.startsWith("HTTP/1.1 200")) {
                    log.error("training run: GET {} answered {}", path, status);
                    failures++;
                }
            } catch (IOException e) {
                log.error("training run: GET {} failed", path, e);
                failures++;
            }
        }
        return failures;
    }

    /** One GET on its own connection, read to the end; returns the status line. */
    private static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            String head = new String(all, 0, Math.min(all.length, 64), StandardCharsets.US_ASCII);
            int end = head.indexOf("\r\n");
            return end < 0 ? head : head.substring(0, end);
        }
    }
}
