package concurrencylab.eventloop;

import java.util.Optional;

/**
 * Whether this JVM lets the lab's coroutines run: they live on {@code jdk.internal.vm.Continuation}, which java.base
 * exports only to a JVM started with {@link #JVM_OPTION} (see the package comment). Checked once, at the first
 * question; without it {@link EventLoop#createTask} refuses at once, with the fix in its message.
 */
public final class Coroutines {

    /** The option that opens the continuation API to the lab. */
    public static final String JVM_OPTION = "--add-exports java.base/jdk.internal.vm=ALL-UNNAMED";

    private static final boolean AVAILABLE =
            Object.class.getModule().isExported("jdk.internal.vm", Coroutines.class.getModule());

    private Coroutines() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    /** Why coroutines cannot run here, with the fix, or empty when they can. */
    public static Optional<String> unavailableReason() {
        return AVAILABLE ? Optional.empty() : Optional.of("the event loop's coroutines run on "
                + "jdk.internal.vm.Continuation, and this JVM was started without " + JVM_OPTION + ": start the "
                + "service with ./mvnw spring-boot:run or java -jar (both pass it), or add it to your java command");
    }

    static void require() {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
    }
}
