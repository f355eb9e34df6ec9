package concurrencylab.gil;

import concurrencylab.experiment.Bounded;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the gil-convoy experiment; an absent field takes the default its @Schema declares. */
@Schema(description = "An I/O thread's operations, timed alone and then beside computing threads, under one GIL (or none).")
public record ConvoyParams(
        @Schema(description = "How many blocking operations the I/O thread performs in each phase", defaultValue = "200") @Bounded(min = 1, max = 10_000) Integer ioOps,
        @Schema(description = "How long one operation blocks, in milliseconds, fractions allowed", defaultValue = "0.1") @Bounded(min = 0.01, max = 100) Double ioMillis,
        @Schema(description = "Threads that compute beside the I/O thread in the second phase", defaultValue = "1") @Bounded(min = 1, max = 16) Integer cpuThreads,
        @Schema(description = "How long a thread waits for the lock before asking its holder to drop it, in milliseconds", defaultValue = "5") @Bounded(min = 0.1, max = 100) Double switchIntervalMs,
        @Schema(description = "Run both phases under one GIL; false runs the same threads without a lock, like free-threaded Python, where no convoy forms", defaultValue = "true") Boolean gil) {
}
