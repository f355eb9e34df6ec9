package concurrencylab.run;

import java.util.Collection;
import java.util.Optional;

/** A part of a run (a compare cell, "coroutines+processes/cpu") as a query string names it. Stateless. */
final class CellNames {

    private CellNames() {
    }

    /**
     * The one of {@code names} that {@code asked} means: itself, or with its spaces read as '+' (a '+' in a query
     * string that was not encoded arrives as a space: "coroutines processes/cpu").
     */
    static Optional<String> match(Collection<String> names, String asked) {
        if (names.contains(asked)) {
            return Optional.of(asked);
        }
        String plus = asked.replace(' ', '+');
        return names.contains(plus) ? Optional.of(plus) : Optional.empty();
    }
}
