package concurrencylab.eventloop;

import com.fasterxml.jackson.annotation.JsonProperty;
import concurrencylab.experiment.Tagged;
import concurrencylab.experiment.JsonNames;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Where the blocking coroutine's computation runs, asyncio's choices: on the loop itself, through
 * {@code run_in_executor} on a thread pool, or on a process pool.
 */
@JsonDeserialize(using = Offload.Reader.class)
public enum Offload implements Tagged {
    /** The coroutine computes on the loop thread and never suspends. */
    @JsonProperty("none") NONE,
    /** It hands the computation to a pool thread and awaits it: under a GIL that thread shares the loop's lock. */
    @JsonProperty("thread") THREAD,
    /** It hands the computation to a worker process, which has a GIL of its own. */
    @JsonProperty("process") PROCESS;

    /** Reads "none", "thread" or "process", and the booleans of the earlier API: true meant a thread pool. */
    static final class Reader extends ValueDeserializer<Offload> {

        @Override
        public Offload deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE ? THREAD : NONE;
            }
            String text = parser.getValueAsString();
            return Arrays.stream(values()).filter(o -> JsonNames.of(o).equals(text)).findFirst()
                    .orElseThrow(() -> context.weirdStringException(text, Offload.class,
                            "must be one of " + String.join(", ", JsonNames.allOf(Offload.class))));
        }
    }
}
