package concurrencylab.gil;

import concurrencylab.experiment.Bounded;
import io.swagger.v3.oas.annotations.media.Schema;

/** Parameters of the gil-convoy experiment; a null (absent) field takes its default. */
@Schema(description = "An I/O thread's operations, timed alone and then beside computing threads, under one GIL (or none).")
public record ConvoyParams(
        @Schema(description = "How many blocking operations the I/O thread performs in each phase (default 200)")
        @Bounded(min = 1, max = 10_000) Integer ioOps,
        @Schema(description = "How long one operation blocks, in milliseconds, fractions allowed (default 0.1)")
        @Bounded(min = 0.01, max = 100) Double ioMillis,
        @Schema(description = "Threads that compute beside the I/O thread in the second phase (default 1)")
        @Bounded(min = 1, max = 16) Integer cpuThreads,
        @Schema(description = "How long a thread waits for the lock before asking its holder to drop it, in milliseconds (default 5)")
        @Bounded(min = 0.1, max = 100) Double switchIntervalMs,
        @Schema(description = "Run both phases under one GIL; false runs the same threads without a lock, like free-threaded Python, where no convoy forms (default true)")
        Boolean gil) {

    public ConvoyParams {
        ioOps = ioOps != null ? ioOps : 200;
        ioMillis = ioMillis != null ? ioMillis : 0.1;
        cpuThreads = cpuThreads != null ? cpuThreads : 1;
        switchIntervalMs = switchIntervalMs != null ? switchIntervalMs
                : GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL.toNanos() / 1e6;
        gil = gil != null ? gil : true;
    }
}
