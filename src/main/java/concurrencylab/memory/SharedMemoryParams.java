package concurrencylab.memory;

import concurrencylab.experiment.Bounded;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the shared-memory experiment; an absent field takes the default its @Schema declares. */
@Schema(description = "Workers increment a counter: threads share one, processes each have their own.")
public record SharedMemoryParams(
        @Schema(description = "Threads that increment (in mode processes: as many threads, then as many worker processes)", defaultValue = "2") @Bounded(min = 1, max = 16) Integer workers,
        @Schema(description = "Increments each worker performs", defaultValue = "5000000") @Bounded(min = 1, max = 50_000_000) Integer increments,
        @Schema(description = "unsynchronized: threads share a counter with no protection; synchronized and atomic: protected; processes: the service marks its counter, then the same counting runs as threads (which see the mark) and as child processes (which see only their own memory)", defaultValue = "unsynchronized") CounterMode mode) {
}
