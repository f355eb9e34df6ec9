package concurrencylab.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Whether coroutines can run is checked, and where they cannot, everything that needs them refuses at once. */
class CoroutinesTest {

    @Test
    void theTestJvmHasTheExportAndSaysSo() {
        assertThat(Coroutines.available()).isTrue();
        assertThat(Coroutines.unavailableReason()).isEmpty();
    }

    @Test
    void withoutTheExportATaskIsRefusedWithTheFixAndTheLoopServerFailsFastLeavingNothingOpen() throws Exception {
        Map<String, String> said = probe(List.of());

        assertThat(said.get("available")).isEqualTo("false");
        assertThat(said.get("createTask")).startsWith("refused:").contains(Coroutines.JVM_OPTION);
        assertThat(said.get("server")).isEqualTo("refused");
        assertThat(Long.parseLong(said.get("serverMillis"))).as("no hang").isLessThan(5_000);
        assertThat(Long.parseLong(said.get("descriptorsLeft"))).as("listener and selector closed").isLessThanOrEqualTo(0);
    }

    @Test
    void withTheExportTheSameProbeRuns() throws Exception {
        Map<String, String> said = probe(List.of("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"));

        assertThat(said).containsEntry("available", "true").containsEntry("createTask", "ran")
                .containsEntry("server", "started");
    }

    private static Map<String, String> probe(List<String> jvmOptions) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(ChildJvm.command(jvmOptions, CoroutineProbe.class))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, String> said = new LinkedHashMap<>();
        output.lines().filter(line -> line.matches("[a-zA-Z]+=.*")).forEach(line ->
                said.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        assertThat(said).as(output).containsKeys("available", "createTask", "server", "descriptorsLeft");
        return said;
    }
}
