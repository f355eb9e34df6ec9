package concurrencylab.workload;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Calibrates the cpu workload once, at startup. */
@Configuration(proxyBeanMethods = false)
class WorkloadConfiguration {

    @Bean
    CpuWork cpuWork() {
        CpuCalibration calibration = CpuCalibration.measure();
        LoggerFactory.getLogger(CpuWork.class).info("cpu workload calibrated: {} kernel rounds per ms (took {} ms)",
                calibration.roundsPerMilli(), calibration.measuredIn().toMillis());
        return new CpuWork(calibration);
    }
}
