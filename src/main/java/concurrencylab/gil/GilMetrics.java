package concurrencylab.gil;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code lab.gil.wait} (how long threads waited for the lock), {@code lab.gil.switches} (hand-overs by reason) and
 * {@code lab.gil.convoy.slowdown} (the latest convoy run's slowdown), and {@code lab.interpreters.copied} (bytes copied
 * between interpreters). Tag keys per name never vary: experiment
 * (and reason for switches).
 */
@Component
public class GilMetrics {

    private final MeterRegistry registry;
    /** The latest convoy slowdown, as double bits; written by runner threads, read by the gauge. */
    private final AtomicLong convoySlowdown = new AtomicLong(Double.doubleToLongBits(Double.NaN));

    GilMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("lab.gil.convoy.slowdown", convoySlowdown, bits -> Double.longBitsToDouble(bits.get()))
                .description("How many times slower the latest gil-convoy run's I/O ran beside CPU threads than alone")
                .register(registry);
    }

    /** An observer recording into this experiment's meters; build one per run, so recording is all tasks do. */
    public GilObserver observer(String experiment) {
        Timer wait = Timer.builder("lab.gil.wait").description("Time a thread waited to take the simulated GIL")
                .tag("experiment", experiment).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Map<SwitchReason, Counter> switches = new EnumMap<>(SwitchReason.class);
        for (SwitchReason reason : SwitchReason.values()) {
            switches.put(reason, Counter.builder("lab.gil.switches")
                    .description("Times the simulated GIL passed to another thread, by why its holder let it go")
                    .tags("experiment", experiment, "reason", reason.tag()).register(registry));
        }
        return new GilObserver() {
            @Override
            public void acquired(long waitNanos) {
                wait.record(waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            }

            @Override
            public void switched(SwitchReason reason, long handoffNanos) {
                switches.get(reason).increment();
            }
        };
    }

    /** {@code lab.interpreters.copied}: bytes an interpreters run copied across its interpreters' boundary. */
    void copied(String experiment, long bytes) {
        Counter.builder("lab.interpreters.copied").baseUnit("bytes")
                .description("Bytes copied between interpreters: tasks in, results out (no object is shared)")
                .tag("experiment", experiment).register(registry).increment(bytes);
    }

    void convoySlowdown(double slowdown) {
        convoySlowdown.set(Double.doubleToLongBits(slowdown));
    }
}
