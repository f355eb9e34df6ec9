package concurrencylab.compare;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The latest matrix as gauges: {@code lab.compare.speedup} (model, workload: the cpu and io cells' speedup over
 * sequential) and {@code lab.compare.latency.ratio} (model: mixed's I/O p99 over the same I/O alone). A cell's gauge
 * appears with the first run that measured it. Values are double bits, written by the runner thread, read by the
 * scrape.
 */
@Component
class CompareMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    CompareMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(CompareDetails details) {
        for (Cell cell : details.matrix()) {
            if (cell.speedup() != null) {
                gauge("lab.compare.speedup", "How many times faster than sequential the latest compare run's cell ran",
                        cell, true).set(Double.doubleToLongBits(cell.speedup()));
            }
            if (cell.latencyRatio() != null) {
                gauge("lab.compare.latency.ratio", "How many times the I/O p99 beside a CPU hog exceeded the same I/O "
                        + "alone, in the latest compare run", cell, false).set(Double.doubleToLongBits(cell.latencyRatio()));
            }
        }
    }

    private AtomicLong gauge(String name, String description, Cell cell, boolean byWorkload) {
        String key = name + "|" + cell.model() + "|" + (byWorkload ? cell.workload() : "");
        return values.computeIfAbsent(key, k -> {
            AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
            Gauge.Builder<AtomicLong> gauge = Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get()))
                    .description(description).tag("model", cell.model());
            if (byWorkload) {
                gauge.tag("workload", cell.workload());
            }
            gauge.register(registry);
            return bits;
        });
    }
}
