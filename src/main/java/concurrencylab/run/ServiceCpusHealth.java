package concurrencylab.run;

import concurrencylab.experiment.CpuSet;
import concurrencylab.experiment.ThreadAffinity;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code serviceCpus} component of /actuator/health: UP while every thread of the service may use all of its CPUs
 * (or a running run pins it on purpose, and says so); DOWN, naming the threads, when some are left narrowed, which
 * the next run repairs before it measures or fails saying why. Read afresh from /proc at every call.
 */
@Component("serviceCpusHealthIndicator")
class ServiceCpusHealth implements HealthIndicator {

    @Override
    public Health health() {
        if (!ThreadAffinity.available()) {
            return Health.unknown().withDetail("why", "threads' CPUs cannot be read here (Linux only)").build();
        }
        String cpus = CpuSet.format(ThreadAffinity.serviceCpus());
        if (ThreadAffinity.narrowedOnPurpose()) {
            return Health.up().withDetail("cpus", cpus).withDetail("now", "pinned by the running run").build();
        }
        try {
            List<String> narrowed = ThreadAffinity.threadsNotOn(ThreadAffinity.serviceCpus());
            return narrowed.isEmpty() ? Health.up().withDetail("cpus", cpus).build()
                    : Health.down().withDetail("cpus", cpus).withDetail("narrowed", narrowed.size() + " thread(s): "
                            + String.join(", ", narrowed.subList(0, Math.min(8, narrowed.size())))).build();
        } catch (IOException e) {
            return Health.unknown().withDetail("why", e.getMessage()).build();
        }
    }
}
