package concurrencylab.gil;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;

/** Whether each interpreter of the interpreters experiment has a GIL of its own. */
public enum InterpreterGil implements Tagged {
    /** PEP 684 (Python 3.12): a GIL per interpreter, so their threads compute in parallel. */
    @JsonProperty("own") OWN,
    /** Before 3.12: subinterpreters in one process share its one GIL, so only one of them computes at a time. */
    @JsonProperty("shared") SHARED;
}
