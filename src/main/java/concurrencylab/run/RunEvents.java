package concurrencylab.run;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a run: a "status" event with the whole run at subscription and at every status change,
 * "progress" events ({done, total}) at most every 100 ms, and the stream ends after the final status.
 *
 * <p>Run listeners are called on the run's own threads, which must never wait for a slow HTTP client, so every
 * send is handed to one permanent "lab-service-sse" thread.
 */
@Component
class RunEvents {

    private static final Duration AFTER_DEADLINE = Duration.ofSeconds(30);

    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("lab-service-sse").daemon().factory());

    SseEmitter subscribe(Run run) {
        Duration timeout = Duration.between(Instant.now(), run.deadline()).plus(AFTER_DEADLINE);
        SseEmitter emitter = new SseEmitter(Math.max(1_000, timeout.toMillis()));
        RunListener listener = (changed, change) -> sender.execute(() -> send(emitter, changed, change));
        run.addListener(listener);
        Runnable unsubscribe = () -> run.removeListener(listener);
        emitter.onCompletion(unsubscribe);
        emitter.onTimeout(unsubscribe);
        emitter.onError(e -> unsubscribe.run());
        // After the listener is in place, so that no status change can fall between the snapshot and it.
        sender.execute(() -> send(emitter, run, RunListener.Change.STATUS));
        return emitter;
    }

    private static void send(SseEmitter emitter, Run run, RunListener.Change change) {
        try {
            if (change == RunListener.Change.PROGRESS) {
                emitter.send(SseEmitter.event().name("progress").data(run.progress()));
                return;
            }
            RunView view = run.view();
            emitter.send(SseEmitter.event().name("status").id(view.status().name()).data(view));
            if (view.status().isFinished()) {
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the emitter already completed: nothing more to send.
            emitter.completeWithError(e);
        }
    }

    @PreDestroy
    void shutdown() {
        sender.shutdownNow();
    }
}
