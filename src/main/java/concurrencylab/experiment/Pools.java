package concurrencylab.experiment;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** Ending a run's executors so that none of their threads outlives the run. */
public final class Pools {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private Pools() {
    }

    /** Interrupts whatever still runs in {@code pool} and waits (a few seconds at most) for its threads to end. */
    public static void shutdownNow(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LoggerFactory.getLogger(Pools.class).warn("a run's pool did not terminate within {}", GRACE);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
