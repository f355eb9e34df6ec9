package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** Which CPython build the gil experiment's interpreter behaves as. */
public enum GilBuild implements Tagged {
    /** The default build: one global interpreter lock, one thread runs Python code at a time. */
    @JsonProperty("gil") GIL,
    /** PEP 703's build (python3.13t; supported from 3.14 by PEP 779): no global lock at all. */
    @JsonProperty("free-threaded") FREE_THREADED;

    /** The build the older boolean {@code gil} parameter names. */
    static GilBuild of(boolean gil) {
        return gil ? GIL : FREE_THREADED;
    }
}
