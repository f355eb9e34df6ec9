package concurrencylab.workload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cpu workload, calibrated once, at its first use (the warm-up's, after the service is ready). */
@Configuration(proxyBeanMethods = false)
class WorkloadConfiguration {

    @Bean
    CpuWork cpuWork() {
        return CpuWork.calibratedOnFirstUse();
    }
}
