package concurrencylab.workload;

/**
 * The computation behind the cpu workload: rounds of the SplitMix64 mixer, each depending on the one before,
 * so the JIT can neither skip nor vectorise them. Callers must consume the returned value.
 */
public final class CpuKernel {

    private CpuKernel() {
    }

    /** Runs {@code rounds} dependent mixing rounds starting from {@code seed} and returns the last state. */
    public static long spin(long rounds, long seed) {
        long x = seed;
        for (long i = 0; i < rounds; i++) {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            x ^= z ^ (z >>> 31);
        }
        return x;
    }
}
