package concurrencylab.run;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code runStore} component of /actuator/health: UP with where runs are kept, or OUT_OF_SERVICE and why. */
@Component("runStoreHealthIndicator")
class RunStoreHealth implements HealthIndicator {

    private final RunStore store;

    RunStoreHealth(RunStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        return store.available()
                ? Health.up().withDetail("file", store.location()).build()
                : Health.outOfService().withDetail("file", store.location()).withDetail("problem", store.problem())
                        .build();
    }
}
