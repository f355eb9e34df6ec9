package concurrencylab.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concurrencylab.experiment.BadParameterException;
import concurrencylab.experiment.CpuSet;
import concurrencylab.experiment.LabLimits;
import concurrencylab.workload.CpuCalibration;
import concurrencylab.workload.CpuWork;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Pinning workers to cores: which cores, and a clear 400 where taskset is missing. */
class PinningTest {

    @Test
    void cpuListsAreReadAndWrittenAsTasksetDoes() {
        assertThat(CpuSet.parse("0-3,6,8-9")).containsExactly(0, 1, 2, 3, 6, 8, 9);
        assertThat(CpuSet.parse(" 2\n")).containsExactly(2);
        assertThat(CpuSet.format(List.of(2, 3, 5))).isEqualTo("2-3,5");
        assertThat(CpuSet.format(List.of(0))).isEqualTo("0");
    }

    @Test
    void workersArePinnedToTheFirstCpusThisServiceMayUseNotToCpuZero() {
        // A container started with --cpuset-cpus=2,3 may not use CPU 0.
        Pinning pinning = new Pinning(Optional.of(Path.of("/usr/bin/taskset")), List.of(2, 3));

        assertThat(pinning.cpuList(1)).isEqualTo("2");
        assertThat(pinning.cpuList(2)).isEqualTo("2-3");
        assertThat(pinning.command(1)).containsExactly("/usr/bin/taskset", "-c", "2");
        assertThatThrownBy(() -> pinning.cpuList(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aServiceConfinedToOneCpuReadsItsOwnAffinity() throws Exception {
        Pinning here = Pinning.ofThisProcess();
        assumeTrue(here.available() && Runtime.getRuntime().availableProcessors() >= 2, "needs taskset and 2 CPUs");
        String last = String.valueOf(CpuSet.allowed().orElseThrow().getLast());
        // A JVM started on the last CPU only, as a service in a cpuset without CPU 0 is.
        Process child = new ProcessBuilder("taskset", "-c", last, ProcessHandle.current().info().command()
                .orElseThrow(), "-cp", location(Pinning.class) + java.io.File.pathSeparator + location(PinningProbe.class),
                PinningProbe.class.getName()).redirectErrorStream(true).start();
        String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(said).isEqualTo("pins 1 worker to " + last);
    }

    @Test
    void withoutTasksetCpusIsRefusedBeforeTheRunAndTheCatalogSaysWhy() {
        Workers workers = new Workers(new SimpleMeterRegistry(), new Pinning(Optional.empty(), List.of(0, 1)));
        LabLimits limits = new Binder(new MapConfigurationPropertySource()).bindOrCreate("lab.limits", LabLimits.class);
        var experiment = new ProcessesExperiment(workers, new CpuWork(new CpuCalibration(1000, Duration.ZERO, 0)),
                limits);

        assertThatThrownBy(() -> experiment.validate(new ProcessesParams(4, 2, null, null, 1, null, null), limits))
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail()).startsWith("cpus:").contains("taskset");
                });
        experiment.validate(new ProcessesParams(4, 2, null, null, null, null, null), limits); // no cpus: fine
        assertThat(experiment.limitations()).singleElement().asString().startsWith("cpus:").contains("taskset");
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
