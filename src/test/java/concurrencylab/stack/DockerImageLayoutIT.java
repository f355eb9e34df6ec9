package concurrencylab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabClient;
import concurrencylab.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Docker image without a Docker engine: the Dockerfile's own extract command, layer copies, launcher, start-up
 * cache training, ENTRYPOINT and HEALTHCHECK, read from the Dockerfile and replayed on the packaged jar in target/. The service must start from that
 * layout with the image's ENV (listening beyond loopback, so it prints a URL with a fresh token and asks for it), pass
 * the healthcheck, start worker processes and run coroutines there, and take its workers down on stop.
 */
class DockerImageLayoutIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theImagesLayoutStartsPassesItsHealthcheckAndRunsWorkersAndCoroutines() throws Exception {
        String dockerfile = StackFiles.text("Dockerfile");
        Path jar = Path.of(System.getProperty("lab.jar", "target/concurrency-lab-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        Path work = Path.of("target", "docker-image-layout").toAbsolutePath();
        deleteTree(work);
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path app = Files.createDirectories(work.resolve("app"));
        String java = ProcessHandle.current().info().command().orElseThrow();

        // RUN ... cp target/concurrency-lab-*.jar /tmp/app.jar && java -Djarmode=tools -jar /tmp/app.jar extract ...
        Files.copy(jar, tmp.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
        Matcher extract = Pattern.compile("java (-Djarmode=tools -jar /tmp/app.jar extract [^\\n\\\\]+)").matcher(dockerfile);
        assertThat(extract.find()).as("the Dockerfile's extract command").isTrue();
        List<String> extractCommand = new ArrayList<>(List.of(java));
        for (String word : extract.group(1).trim().split(" ")) {
            extractCommand.add(word.replace("/tmp/app.jar", tmp.resolve("app.jar").toString())
                    .replace("/extracted", work.resolve("extracted").toString()));
        }
        assertThat(new ProcessBuilder(extractCommand).inheritIO().start().waitFor()).isZero();

        // COPY --from=build /extracted/<layer>/ ./  (into WORKDIR /app)
        Matcher copy = Pattern.compile("COPY --from=build /extracted/(\\S+)/ \\./").matcher(dockerfile);
        while (copy.find()) {
            copyTree(work.resolve("extracted").resolve(copy.group(1)), app);
        }
        assertThat(app.resolve("app.jar")).exists();
        // COPY --chmod=0755 bin/lab bin/lab, RUN mkdir start: the launcher, and the folder its cache is trained into.
        assertThat(dockerfile).contains("COPY --chmod=0755 bin/lab bin/lab");
        Files.createDirectories(app.resolve("bin"));
        Files.copy(StackFiles.ROOT.resolve("bin/lab"), app.resolve("bin/lab"));
        assertThat(app.resolve("bin/lab").toFile().setExecutable(true)).isTrue();
        Files.createDirectories(app.resolve("start"));

        // ENV KEY=VALUE lines, as the image sets them (SERVER_ADDRESS=0.0.0.0: it listens beyond loopback), with
        // /app/ being this copy; JAVA_HOME is the image's JRE's, here this test's JDK.
        Map<String, String> environment = new java.util.HashMap<>();
        Matcher env = Pattern.compile("(?m)^ENV (\\w+)=(\\S+)$").matcher(dockerfile);
        while (env.find()) {
            environment.put(env.group(1), env.group(2).replace("/app/", app + "/"));
        }
        assertThat(environment).containsEntry("SERVER_ADDRESS", "0.0.0.0").containsKey("LAB_JAR")
                .containsKey("LAB_START_CACHE");
        environment.put("JAVA_HOME", Path.of(java).getParent().getParent().toString());

        // RUN bin/lab prepare: the AOT cache, trained as the image is built.
        assertThat(dockerfile).contains("RUN bin/lab prepare");
        ProcessBuilder prepare = new ProcessBuilder(app.resolve("bin/lab").toString(), "prepare").directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("prepare.log").toFile());
        prepare.environment().putAll(environment);
        int prepared = prepare.start().waitFor();
        assertThat(prepared).as("bin/lab prepare, which said: %s", Files.readString(work.resolve("prepare.log")))
                .isZero();
        assertThat(Path.of(environment.get("LAB_START_CACHE")).resolve("app.aot")).isNotEmptyFile();

        // ENTRYPOINT ["bin/lab"] run in /app, as the image does.
        int port = concurrencylab.Ports.free();
        Matcher entry = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])").matcher(dockerfile);
        assertThat(entry.find()).isTrue();
        List<String> command = new ArrayList<>(JSON.readValue(entry.group(1), List.class));
        assertThat(command).containsExactly("bin/lab");
        command.set(0, app.resolve("bin/lab").toString());
        command.add("--server.port=" + port);
        Path log = work.resolve("service.log");
        ProcessBuilder image = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        image.environment().putAll(environment);
        Process service = image.start();
        try {
            // HEALTHCHECK ... CMD ["bash", "-c", "..."], pointed at this port.
            Matcher health = Pattern.compile("HEALTHCHECK[^\\n]*\\\\\\n\\s*CMD (\\[.*])").matcher(dockerfile);
            assertThat(health.find()).as("the Dockerfile's HEALTHCHECK").isTrue();
            List<String> healthcheck = new ArrayList<>();
            for (Object word : JSON.readValue(health.group(1), List.class)) {
                healthcheck.add(word.toString().replace("/8080", "/" + port));
            }
            awaitHealthy(healthcheck, service, log);

            // Beyond loopback it generated a token and printed the URL that carries it, once.
            String printed = Files.readString(log);
            assertThat(printed).as("started from Spring's AOT bean definitions, with the cache").contains(
                    "Starting AOT-processed").doesNotContain("making the start-up cache");
            Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:" + port + "/\\?token=([0-9a-f]{48})").matcher(printed);
            assertThat(url.find()).as("the URL with the token in the log").isTrue();
            String token = url.group(1);
            assertThat(printed.split("The lab listens", -1)).as("said once").hasSize(2);
            assertThat(new LabClient(port).post("/api/experiments/threads", "{}").status()).as("no token").isEqualTo(401);
            RawHttp.Answer opened = RawHttp.send(port, "GET", "/?token=" + token, RawHttp.headers(port), null);
            assertThat(opened.status()).isEqualTo(303);
            assertThat(opened.header("Set-Cookie")).startsWith("lab_token=" + token);

            LabClient lab = new LabClient(port, token);
            assertThat(lab.runToEnd("processes", """
                    {"tasks": 2, "processes": 2, "taskMillis": 100}""").get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(lab.runToEnd("event-loop", """
                    {"clients": 20, "requestsPerClient": 1, "serverDelayMs": 10}""").get("status").asString())
                    .isEqualTo("SUCCEEDED");
            assertThat(service.descendants().count()).as("no worker left after the runs").isZero();

            service.destroy(); // docker stop sends SIGTERM
            assertThat(service.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            service.destroyForcibly();
        }
    }

    private static void awaitHealthy(List<String> healthcheck, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited: " + Files.readString(log));
            }
            Process check = new ProcessBuilder(healthcheck).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the HEALTHCHECK never passed: " + Files.readString(log));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return; // an empty layer (e.g. no snapshot dependencies) is not written
        }
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
