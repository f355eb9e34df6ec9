package concurrencylab.eventloop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code lab.eventloop.lag} (how late due timers ran), {@code lab.eventloop.iterations}, {@code lab.eventloop.ready}
 * (callbacks run by the latest pass of a lab loop) and {@code lab.eventloop.slow.callbacks}. Tag: experiment.
 */
@Component
class EventLoopMetrics {

    private final MeterRegistry registry;
    /** Callbacks in the latest pass of whichever lab loop ran last; written by loop threads. */
    private final AtomicLong ready = new AtomicLong();

    EventLoopMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("lab.eventloop.ready", ready, AtomicLong::get)
                .description("Callbacks the latest pass of a lab event loop ran").register(registry);
    }

    LoopObserver observer(String experiment) {
        Timer lag = Timer.builder("lab.eventloop.lag").description("How late an event loop ran a due timer")
                .tag("experiment", experiment).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Counter iterations = Counter.builder("lab.eventloop.iterations").description("Passes of lab event loops")
                .tag("experiment", experiment).register(registry);
        Counter slow = Counter.builder("lab.eventloop.slow.callbacks")
                .description("Callbacks that held a lab event loop longer than the slow-callback threshold")
                .tag("experiment", experiment).register(registry);
        return new LoopObserver() {
            @Override
            public void iteration(int callbacks, long lagNanos) {
                iterations.increment();
                ready.set(callbacks);
                if (lagNanos >= 0) {
                    lag.record(lagNanos, TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public void slowCallback(String name, long nanos) {
                slow.increment();
            }
        };
    }
}
