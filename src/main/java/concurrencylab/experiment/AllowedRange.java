package concurrencylab.experiment;

/** The inclusive range a {@link Bounded} parameter accepts under the current {@link LabLimits}. */
public record AllowedRange(double min, double max) {

    public static AllowedRange of(Bounded bounded, LabLimits limits) {
        double max = Double.isNaN(bounded.max()) ? bounded.limit().of(limits) : bounded.max();
        if (Double.isNaN(max)) {
            throw new IllegalStateException("@Bounded needs max or limit");
        }
        return new AllowedRange(bounded.min(), max);
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** "1..256", or "0.1..100" for fractional bounds. */
    @Override
    public String toString() {
        return format(min) + ".." + format(max);
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
