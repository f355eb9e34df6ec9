package concurrencylab.run;

import concurrencylab.workload.CpuWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The machine a run measured: every result depends on it, so every run carries it.
 *
 * @param cores          processors the JVM may use
 * @param jvm            runtime vendor, name and version
 * @param os             operating system, version and architecture
 * @param labVersion     this service's version
 * @param cpuCalibration how the cpu workload was sized on this machine at startup
 */
public record LabEnvironment(int cores, String jvm, String os, String labVersion, CpuCalibrationInfo cpuCalibration) {

    /**
     * @param roundsPerMs kernel rounds one core computes per millisecond
     * @param tickMicros  the cpu work between two checks for a stop (or, under a GIL, a thread switch)
     * @param measuredMs  how long calibrating took at startup
     */
    public record CpuCalibrationInfo(long roundsPerMs, long tickMicros, long measuredMs) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Detector {

        /** Lazy: reading it calibrates the cpu workload, which the service does after it is ready, not before. */
        @Bean
        @Lazy
        LabEnvironment labEnvironment(CpuWork cpu, ObjectProvider<BuildProperties> build) {
            String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("dev");
            var calibration = cpu.calibration();
            return new LabEnvironment(
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                            + System.getProperty("java.runtime.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"),
                    version,
                    new CpuCalibrationInfo(calibration.roundsPerMilli(), CpuWork.TICK.toNanos() / 1000,
                            calibration.measuredIn().toMillis()));
        }
    }
}
