package concurrencylab.workload;

/** Keeps computed values observable so the JIT cannot remove the computation that made them. */
final class Blackhole {

    @SuppressWarnings("unused")
    private static volatile long sink;

    private Blackhole() {
    }

    static void consume(long value) {
        sink = value;
    }
}
