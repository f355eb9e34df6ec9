package concurrencylab.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * How many kernel rounds this machine runs per millisecond on one core, measured once at startup, so that
 * "taskMillis of cpu work" is a fixed amount of work: alone on a core it takes taskMillis, and sharing a core
 * it takes longer, which is what speedups are made of.
 *
 * <p>The samples are timed by the calibrating thread's own CPU time where the JVM can read it, not by the clock:
 * a core that other programs share during startup stretches the wall time of a sample but not the CPU time the
 * thread got, so the calibration stays right on a busy machine.
 *
 * @param roundsPerMilli kernel rounds per millisecond of one core (median of the samples)
 * @param measuredIn     how long calibrating took
 * @param samples        how many timed samples the median came from
 */
public record CpuCalibration(long roundsPerMilli, Duration measuredIn, int samples) {

    private static final int SAMPLES = 7;
    private static final long SAMPLE_NANOS = 30_000_000;
    /** Rounds between two readings of the clock: about a millisecond on a current core. */
    private static final long SAMPLE_ROUNDS = 250_000;

    /** Warms the JIT up, then times several samples and keeps the median rate. Takes about half a second. */
    public static CpuCalibration measure() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long started = System.nanoTime();
        long sink = 0;
        long rounds = 10_000;
        // Warm-up: until C2 has compiled spin(), the rate keeps climbing.
        long warmUntil = started + 200_000_000;
        while (System.nanoTime() < warmUntil) {
            sink += CpuKernel.spin(rounds, sink);
        }
        double[] rates = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long done = 0;
            long t0 = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            long t1;
            do { // reading the thread's CPU clock is a system call: read it about once a millisecond
                sink += CpuKernel.spin(SAMPLE_ROUNDS, sink);
                done += SAMPLE_ROUNDS;
                t1 = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            } while (t1 - t0 < SAMPLE_NANOS);
            rates[i] = done / ((t1 - t0) / 1e6);
        }
        Blackhole.consume(sink);
        Arrays.sort(rates);
        long perMilli = Math.max(1, Math.round(rates[SAMPLES / 2]));
        return new CpuCalibration(perMilli, Duration.ofNanos(System.nanoTime() - started), SAMPLES);
    }

    public long roundsFor(Duration work) {
        return Math.max(1, Math.round(roundsPerMilli * (work.toNanos() / 1e6)));
    }
}
