package concurrencylab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Event streams driven directly, with emitters that stand for their clients: one that stops reading (its send blocks,
 * as a write to a full socket does) must not hold up another's events, and the number of open streams is bounded.
 */
class RunEventsTest {

    /** A client that reads nothing: the first send blocks until the stream is torn down. */
    static final class StalledClient extends SseEmitter {
        final CountDownLatch blocked = new CountDownLatch(1);

        StalledClient(long timeout) {
            super(timeout);
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            blocked.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw new IOException("torn down");
            }
        }
    }

    /** A client that reads everything: records each event's name. */
    static final class LiveClient extends SseEmitter {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch completed = new CountDownLatch(1);

        LiveClient(long timeout) {
            super(timeout);
        }

        @Override
        public void send(SseEventBuilder event) {
            String text = event.build().stream().map(part -> String.valueOf(part.getData())).reduce("", String::concat);
            events.add(text.startsWith("event:status") ? "status" : "progress");
        }

        @Override
        public void complete() {
            completed.countDown();
        }
    }

    @Test
    void aClientThatStopsReadingHoldsUpNobodyElse() throws Exception {
        Run run = new Run(RunTest.NOTHING, new RunTest.NoParams(), new concurrencylab.experiment.RunTags("none", "none"),
                Duration.ofSeconds(30), null, 1000);
        StalledClient stalled = new StalledClient(30_000);
        LiveClient live = new LiveClient(30_000);
        List<SseEmitter> clients = List.of(stalled, live);
        int[] next = {0};
        RunEvents events = new RunEvents(4, timeout -> clients.get(next[0]++));

        events.subscribe(run);
        assertThat(stalled.blocked.await(5, TimeUnit.SECONDS)).as("the stalled client's first send blocks").isTrue();
        events.subscribe(run);
        run.start(Thread.currentThread());
        run.setTotal(3);
        for (int i = 0; i < 3; i++) {
            run.advance();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!live.events.contains("progress") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(live.events).as("progress reaches the live client while the other is stuck").contains("progress");
        run.finish(null, null);

        assertThat(live.completed.await(5, TimeUnit.SECONDS)).as("the live client's stream ends with the run").isTrue();
        assertThat(live.events).first().isEqualTo("status");
        assertThat(live.events).last().isEqualTo("status");
        // Its sender gives the place back as it returns, a moment after the last send.
        long closing = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.open() > 1 && System.nanoTime() < closing) {
            Thread.sleep(5);
        }
        assertThat(events.open()).as("the live stream gave back its place; the stalled one holds its own").isEqualTo(1);
    }

    @Test
    void streamsPastTheLimitAreRefusedWith429UntilOneEnds() throws InterruptedException {
        Run run = new Run(RunTest.NOTHING, new RunTest.NoParams(), new concurrencylab.experiment.RunTags("none", "none"),
                Duration.ofSeconds(30), null, 1000);
        List<LiveClient> clients = new CopyOnWriteArrayList<>();
        RunEvents events = new RunEvents(2, timeout -> {
            LiveClient client = new LiveClient(timeout);
            clients.add(client);
            return client;
        });
        events.subscribe(run);
        events.subscribe(run);

        assertThatThrownBy(() -> events.subscribe(run)).isInstanceOfSatisfying(ErrorResponseException.class,
                refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(429);
                    assertThat(refused.getHeaders().getFirst("Retry-After")).isNotNull();
                    assertThat(refused.getBody().getDetail()).contains("lab.limits.max-event-streams");
                });
        assertThat(events.open()).isEqualTo(2);

        run.start(Thread.currentThread());
        run.finish(null, null);
        for (LiveClient client : clients) {
            assertThat(client.completed.await(5, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(events.open()).as("ended streams give their places back").isZero();
        events.subscribe(run);
    }
}
