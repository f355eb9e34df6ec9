package concurrencylab.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.java21.instrument.binder.jdk.VirtualThreadMetrics;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The JVM's meters, as Boot's {@code JvmMetricsAutoConfiguration} makes them (that one is excluded in
 * application.yml), but with the virtual-thread meters bound once the service is ready instead of on its start path:
 * micrometer-java21's {@link VirtualThreadMetrics} starts a JFR recording stream when it is made, which held the
 * start for about 0.2 s on 2 cores (the JDK's flight recorder initialising). The Grafana dashboard's
 * {@code jvm_threads_virtual_*} series appear a moment after the service is healthy.
 */
@Configuration(proxyBeanMethods = false)
class JvmMetricsConfiguration {

    @Bean
    JvmGcMetrics jvmGcMetrics() {
        return new JvmGcMetrics();
    }

    @Bean
    JvmHeapPressureMetrics jvmHeapPressureMetrics() {
        return new JvmHeapPressureMetrics();
    }

    @Bean
    JvmMemoryMetrics jvmMemoryMetrics() {
        return new JvmMemoryMetrics();
    }

    @Bean
    JvmThreadMetrics jvmThreadMetrics() {
        return new JvmThreadMetrics();
    }

    @Bean
    ClassLoaderMetrics classLoaderMetrics() {
        return new ClassLoaderMetrics();
    }

    @Bean
    JvmInfoMetrics jvmInfoMetrics() {
        return new JvmInfoMetrics();
    }

    @Bean
    JvmCompilationMetrics jvmCompilationMetrics() {
        return new JvmCompilationMetrics();
    }

    @Bean
    VirtualThreadMetricsOnceReady virtualThreadMetricsOnceReady(MeterRegistry registry) {
        return new VirtualThreadMetricsOnceReady(registry);
    }

    /**
     * Makes and binds {@link VirtualThreadMetrics} on a thread of its own once the service is ready; closes it (its
     * JFR stream) when the context closes. States: waiting, bound (or failed: the meters are missing, logged), closed.
     * {@code metrics} completes once, on the binding thread; close() runs on the thread closing the context.
     */
    static final class VirtualThreadMetricsOnceReady implements DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(VirtualThreadMetricsOnceReady.class);

        private final MeterRegistry registry;
        private final CompletableFuture<VirtualThreadMetrics> metrics = new CompletableFuture<>();

        VirtualThreadMetricsOnceReady(MeterRegistry registry) {
            this.registry = registry;
        }

        @EventListener(ApplicationReadyEvent.class)
        void bind() {
            Thread.ofPlatform().name("lab-jvm-metrics").daemon().start(() -> {
                try {
                    VirtualThreadMetrics made = new VirtualThreadMetrics();
                    made.bindTo(registry);
                    if (!metrics.complete(made)) {
                        made.close(); // the context closed meanwhile
                    }
                } catch (RuntimeException e) {
                    log.warn("virtual-thread meters are not available: {}", e.toString());
                    metrics.completeExceptionally(e);
                }
            });
        }

        @Override
        public void destroy() {
            metrics.cancel(false); // never bound: nothing to close
            if (metrics.isDone() && !metrics.isCompletedExceptionally()) {
                metrics.join().close();
            }
        }
    }
}
