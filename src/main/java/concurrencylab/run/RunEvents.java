package concurrencylab.run;

import concurrencylab.experiment.LabLimits;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of a run: a "status" event with the whole run at subscription and at every status change,
 * "progress" events ({done, total}) at most every 100 ms, and the stream ends after the final status.
 *
 * <p>Run listeners are called on the run's own threads, which must never wait for an HTTP client; and a client that
 * stops reading must hold up nobody else. So every stream has a sender of its own (a virtual thread): the listener
 * only marks what changed and wakes it, and a sender blocked on its client's full socket blocks that stream alone.
 * Marks coalesce: a slow client gets the latest status and progress, never a backlog. At most
 * {@code lab.limits.max-event-streams} streams are open at once; one more is refused with 429.
 *
 * <p>State: {@code open}, the streams open now (atomic), incremented at subscription and decremented exactly once
 * when a stream closes (completed, timed out, failed, or its client went away).
 */
@Component
class RunEvents {

    private static final Duration AFTER_DEADLINE = Duration.ofSeconds(30);
    private static final int STATUS = 1;
    private static final int PROGRESS = 2;

    private final int maxStreams;
    private final LongFunction<SseEmitter> emitters;
    private final AtomicInteger open = new AtomicInteger();

    @Autowired
    RunEvents(LabLimits limits) {
        this(limits.maxEventStreams(), SseEmitter::new);
    }

    /** {@code emitters} makes a stream's emitter from its timeout in milliseconds. */
    RunEvents(int maxStreams, LongFunction<SseEmitter> emitters) {
        this.maxStreams = maxStreams;
        this.emitters = emitters;
    }

    /**
     * Opens a stream of {@code run}'s events.
     *
     * @throws ErrorResponseException 429 when {@code lab.limits.max-event-streams} streams are open
     */
    SseEmitter subscribe(Run run) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw tooMany();
        }
        Duration timeout = Duration.between(Instant.now(), run.deadline()).plus(AFTER_DEADLINE);
        SseEmitter emitter = emitters.apply(Math.max(1_000, timeout.toMillis()));
        Stream stream = new Stream(run, emitter);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        stream.start();
        return emitter;
    }

    /** Streams open now. */
    int open() {
        return open.get();
    }

    private ErrorResponseException tooMany() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, maxStreams
                + " event streams are open (lab.limits.max-event-streams): close one, or poll GET /api/runs/{id}.");
        problem.setTitle("Too many event streams");
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refused.getHeaders().set("Retry-After", "5");
        return refused;
    }

    /**
     * One client's stream. {@code pending} holds the marks (STATUS | PROGRESS) that listeners set on any thread and
     * the sender takes; {@code wake} counts wake-ups; {@code closed} is set once, by {@link #close}, which also
     * gives back the stream's place and stops the sender. Only the sender thread touches the emitter.
     */
    private final class Stream {

        private final Run run;
        private final SseEmitter emitter;
        private final AtomicInteger pending = new AtomicInteger(STATUS);
        private final Semaphore wake = new Semaphore(1);
        private final AtomicBoolean closed = new AtomicBoolean();
        private final RunListener listener = (changed, change) -> mark(change == RunListener.Change.STATUS
                ? STATUS : PROGRESS);
        private volatile Thread sender;

        Stream(Run run, SseEmitter emitter) {
            this.run = run;
            this.emitter = emitter;
        }

        /** Listens first, then sends the run as it is now: no status change falls between the two. */
        void start() {
            run.addListener(listener);
            sender = Thread.ofVirtual().name("lab-service-sse-" + run.id.substring(0, 8)).start(this::send);
        }

        private void mark(int what) {
            pending.getAndUpdate(marks -> marks | what);
            wake.release();
        }

        private void send() {
            try {
                while (!closed.get()) {
                    wake.acquire();
                    wake.drainPermits();
                    int marks = pending.getAndSet(0);
                    if ((marks & STATUS) != 0) {
                        RunView view = run.view();
                        emitter.send(SseEmitter.event().name("status").id(view.status().name()).data(view));
                        if (view.status().isFinished()) {
                            emitter.complete();
                            return;
                        }
                    }
                    if ((marks & PROGRESS) != 0) {
                        emitter.send(SseEmitter.event().name("progress").data(run.progress()));
                    }
                }
            } catch (InterruptedException e) {
                // closed while it waited: nothing more to send
            } catch (IOException | IllegalStateException e) {
                // The client went away or the emitter already completed.
                emitter.completeWithError(e);
            } finally {
                close();
            }
        }

        /** Once: stops listening, gives back the stream's place and stops the sender. */
        void close() {
            if (closed.compareAndSet(false, true)) {
                run.removeListener(listener);
                open.decrementAndGet();
                if (sender != null && Thread.currentThread() != sender) {
                    sender.interrupt();
                }
            }
        }
    }
}
