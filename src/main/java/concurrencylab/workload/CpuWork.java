package concurrencylab.workload;

import java.time.Duration;

/**
 * Calibrated cpu work cut into ticks of about {@link #TICK} each. Between ticks it calls a {@link TickHook},
 * so a run can stop it within a tick and a simulated GIL can switch threads there, as CPython's eval loop
 * checks its "eval breaker" between bytecodes.
 */
public final class CpuWork {

    /** Work per tick: small next to a 5 ms switch interval, large next to the cost of a hook call. */
    public static final Duration TICK = Duration.ofNanos(50_000);

    private final CpuCalibration calibration;
    private final long roundsPerTick;

    public CpuWork(CpuCalibration calibration) {
        this.calibration = calibration;
        this.roundsPerTick = calibration.roundsFor(TICK);
    }

    public CpuCalibration calibration() {
        return calibration;
    }

    /** How many ticks {@code work} of one core takes. */
    public long ticksFor(Duration work) {
        return Math.max(1, Math.ceilDiv(calibration.roundsFor(work), roundsPerTick));
    }

    /** Computes for {@code work} of one core's time, calling {@code hook} before every tick. */
    public void run(Duration work, TickHook hook) throws InterruptedException {
        long ticks = ticksFor(work);
        long state = System.nanoTime();
        for (long tick = 0; tick < ticks; tick++) {
            hook.beforeTick();
            state = CpuKernel.spin(roundsPerTick, state);
        }
        Blackhole.consume(state);
    }
}
