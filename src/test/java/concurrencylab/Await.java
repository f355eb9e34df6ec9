package concurrencylab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for an observable state, never for a guessed time. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 10 ms until it holds; fails naming {@code what} after {@code within}. */
    public static void until(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + within + " for " + what);
            }
            Thread.sleep(10);
        }
    }
}
