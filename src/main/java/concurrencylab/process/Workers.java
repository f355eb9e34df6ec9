package concurrencylab.process;

import concurrencylab.experiment.BadParameterException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Starts worker processes: the JVM running this service ({@code ProcessHandle.current().info().command()}, never a
 * parameter) with {@link WorkerMain} on the worker classpath, optionally pinned to the first N cores with taskset.
 * Records {@code lab.process.spawn} (start to READY). Prepares the classpath at first use and deletes it at shutdown.
 */
@Component
public class Workers implements DisposableBean {

    private final Timer spawn;
    private final String java;
    private final Pinning pinning;
    /** Prepared at first use, under this object's monitor. */
    private WorkerClasspath classpath;

    @Autowired
    public Workers(MeterRegistry registry) {
        this(registry, Pinning.ofThisProcess());
    }

    Workers(MeterRegistry registry, Pinning pinning) {
        this.pinning = pinning;
        this.java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this service"));
        this.spawn = Timer.builder("lab.process.spawn").description("From starting a worker process to its READY line")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    /** How workers start here: the class data sharing in use. Prepares the classpath if it is not yet. */
    public synchronized String startup() throws IOException, InterruptedException {
        return prepared().classDataSharing();
    }

    private synchronized WorkerClasspath prepared() throws IOException, InterruptedException {
        if (classpath == null) {
            classpath = WorkerClasspath.prepare(java);
        }
        return classpath;
    }

    /** Where the worker classpath lives (for tests). */
    synchronized Path classpathDirectory() throws IOException, InterruptedException {
        return prepared().directory();
    }

    /** 400 naming {@code cpus} when a run asks to pin ({@code cpus} given) and this machine cannot. */
    public void checkCpus(Integer cpus) {
        if (cpus != null) {
            pinning.unavailableReason().ifPresent(reason -> {
                throw new BadParameterException("cpus", cpus, "leave it out", reason);
            });
        }
    }

    /** What the catalog says of {@code cpus} on this machine: nothing, or why it cannot be used. */
    public List<String> cpusLimitations() {
        return pinning.unavailableReason().map(reason -> List.of("cpus: " + reason)).orElse(List.of());
    }

    /** Whether and where workers can be pinned to cores here. */
    public Pinning pinning() {
        return pinning;
    }

    /**
     * Starts {@code count} workers (pinned to the first pinToCores of this process's CPUs when pinToCores is not
     * null, see {@link Pinning}) and waits until
     * every one said READY. The caller closes the group; {@code readers} names the threads that read their output.
     */
    public WorkerGroup start(int count, Integer pinToCores, ThreadFactory readers)
            throws IOException, InterruptedException, WorkerFailure {
        List<String> command = new ArrayList<>();
        if (pinToCores != null) {
            if (!pinning.available()) {
                throw new WorkerFailure(pinning.unavailableReason().orElseThrow());
            }
            command.addAll(pinning.command(pinToCores));
        }
        command.add(java);
        command.addAll(prepared().jvmArguments());
        command.add(WorkerMain.class.getName());
        WorkerGroup group = new WorkerGroup(readers);
        try {
            for (int i = 0; i < count; i++) {
                group.start(command);
            }
            for (long nanos : group.awaitReady(WorkerGroup.READY_TIMEOUT)) {
                spawn.record(nanos, TimeUnit.NANOSECONDS);
            }
            return group;
        } catch (IOException | InterruptedException | WorkerFailure | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    @Override
    public synchronized void destroy() {
        if (classpath != null) {
            classpath.delete();
        }
    }
}
