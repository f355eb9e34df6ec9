package concurrencylab.experiment;

/** Rounding for numbers that people read in JSON. */
public final class Numbers {

    private Numbers() {
    }

    public static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    public static double seconds(long nanos) {
        return round(nanos / 1e9, 4);
    }
}
