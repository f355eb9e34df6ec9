package concurrencylab.workload;

import java.time.Duration;
import java.util.Arrays;

/**
 * How many kernel rounds this machine runs per millisecond on one core, measured once at startup, so that
 * "taskMillis of cpu work" is a fixed amount of work: alone on a core it takes taskMillis, and sharing a core
 * it takes longer, which is what speedups are made of.
 *
 * @param roundsPerMilli kernel rounds per millisecond of one core (median of the samples)
 * @param measuredIn     how long calibrating took
 * @param samples        how many timed samples the median came from
 */
public record CpuCalibration(long roundsPerMilli, Duration measuredIn, int samples) {

    private static final int SAMPLES = 7;
    private static final long SAMPLE_NANOS = 30_000_000;

    /** Warms the JIT up, then times several samples and keeps the median rate. Takes about half a second. */
    public static CpuCalibration measure() {
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
            long t0 = System.nanoTime();
            long t1;
            do {
                sink += CpuKernel.spin(rounds, sink);
                done += rounds;
                t1 = System.nanoTime();
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
