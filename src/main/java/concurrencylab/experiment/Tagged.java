package concurrencylab.experiment;

/**
 * An enum whose JSON name (its {@code @JsonProperty}) is also its metric tag and the word results use, so the
 * three are written once, on the constant.
 */
public interface Tagged {

    default String tag() {
        return JsonNames.of((Enum<?>) this);
    }
}
