package concurrencylab.workload;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Calibrated cpu work cut into ticks of about {@link #TICK} each. Between ticks it calls a {@link TickHook},
 * so a run can stop it within a tick and a simulated GIL can switch threads there, as CPython's eval loop
 * checks its "eval breaker" between bytecodes.
 *
 * <p>The service's instance is calibrated on first use, not on the start path: the warm-up uses it first, once
 * the service is ready and before any run's clock starts. {@code calibration} is written once, under this object's
 * monitor, and read without it (volatile).
 */
public final class CpuWork {

    /** Work per tick: small next to a 5 ms switch interval, large next to the cost of a hook call. */
    public static final Duration TICK = Duration.ofNanos(50_000);

    private final Supplier<CpuCalibration> measure;
    private volatile CpuCalibration calibration;

    public CpuWork(CpuCalibration calibration) {
        this.measure = () -> calibration;
        this.calibration = calibration;
    }

    private CpuWork(Supplier<CpuCalibration> measure) {
        this.measure = measure;
    }

    /** Cpu work that measures this machine the first time it is asked to (about half a second, once). */
    public static CpuWork calibratedOnFirstUse() {
        return new CpuWork(() -> {
            CpuCalibration measured = CpuCalibration.measure();
            LoggerFactory.getLogger(CpuWork.class).info("cpu workload calibrated: {} kernel rounds per ms (took {} ms)",
                    measured.roundsPerMilli(), measured.measuredIn().toMillis());
            return measured;
        });
    }

    public CpuCalibration calibration() {
        CpuCalibration known = calibration;
        if (known == null) {
            synchronized (this) {
                known = calibration;
                if (known == null) {
                    known = measure.get();
                    calibration = known;
                }
            }
        }
        return known;
    }

    /** How many ticks {@code work} of one core takes. */
    public long ticksFor(Duration work) {
        return Math.max(1, Math.ceilDiv(calibration().roundsFor(work), roundsPerTick()));
    }

    /** Computes for {@code work} of one core's time, calling {@code hook} before every tick. */
    public void run(Duration work, TickHook hook) throws InterruptedException {
        long roundsPerTick = roundsPerTick();
        long ticks = ticksFor(work);
        long state = System.nanoTime();
        for (long tick = 0; tick < ticks; tick++) {
            hook.beforeTick();
            state = CpuKernel.spin(roundsPerTick, state);
        }
        Blackhole.consume(state);
    }

    private long roundsPerTick() {
        return calibration().roundsFor(TICK);
    }
}
