package concurrencylab.gil;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.RunContext;
import concurrencylab.experiment.TaskObserver;
import concurrencylab.timeline.LaneState;
import concurrencylab.timeline.Timeline;
import concurrencylab.timeline.TimelineSnapshot;
import concurrencylab.workload.CpuCalibration;
import concurrencylab.workload.CpuWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The interpreters' primitives: module state per interpreter, its checksum, the copying channel, the isolation check. */
class SubInterpreterTest {

    private static final CpuWork CPU = new CpuWork(new CpuCalibration(1000, Duration.ZERO, 0));

    private static SubInterpreter start(int id) {
        return SubInterpreter.start(id, new GlobalInterpreterLock(Duration.ofMillis(5), GilObserver.NONE), CPU);
    }

    /** Just enough of a run for the isolation check: named threads and a deadline. */
    private static final RunContext CONTEXT = new RunContext() {
        private final AtomicInteger threads = new AtomicInteger();

        @Override
        public String runId() {
            return "00000000-interpreters";
        }

        @Override
        public void setTotal(long total) {
        }

        @Override
        public void advance() {
        }

        @Override
        public boolean isStopRequested() {
            return false;
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(30);
        }

        @Override
        public void onStop(Runnable action) {
        }

        @Override
        public ThreadFactory platformThreads(String role) {
            return body -> new Thread(body, "test-" + role + "-" + threads.incrementAndGet());
        }

        @Override
        public ThreadFactory virtualThreads(String role) {
            return Thread.ofVirtual().factory();
        }

        @Override
        public TaskObserver tasks() {
            return TaskObserver.NONE;
        }
    };

    @Test
    void eachInterpreterImportsItsOwnModuleWhoseChecksumIsZlibs() throws Exception {
        byte[] bytes = "the same bytes in every interpreter".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CRC32 zlib = new CRC32();
        zlib.update(bytes);
        SubInterpreter first = start(0);
        SubInterpreter second = start(1);

        long one = first.exec((in, state) -> state.checksum(bytes, 0, bytes.length));
        long two = second.exec((in, state) -> state.checksum(bytes, 0, bytes.length));

        assertThat(one).isEqualTo(zlib.getValue()).isEqualTo(two);
        first.exec((in, state) -> state.countTask());
        first.exec((in, state) -> state.countTask());
        assertThat(first.<Long>exec((in, state) -> state.tasksRun())).isEqualTo(2);
        assertThat(second.<Long>exec((in, state) -> state.tasksRun())).as("the other's count is its own").isZero();
    }

    @Test
    void aMarkerWrittenInOneInterpreterIsSeenByItsOtherThreadsAndByNoOtherInterpreter() throws Exception {
        List<SubInterpreter> interpreters = List.of(start(0), start(1), start(2));

        Isolation isolation = Isolation.check(interpreters, "hello from 0", CONTEXT);

        assertThat(isolation.sameInterpreterSawIt()).isTrue();
        assertThat(isolation.othersChecked()).isEqualTo(2);
        assertThat(isolation.othersThatSawIt()).isEmpty();
        assertThat(isolation.holds()).isTrue();
    }

    @Test
    void theCheckSeesALeakWhenTwoInterpretersShareTheirState() throws Exception {
        // The negative control of the check itself: the same interpreter listed twice is state shared by "both".
        SubInterpreter shared = start(0);
        List<SubInterpreter> interpreters = List.of(shared, shared);

        Isolation isolation = Isolation.check(interpreters, "hello from 0", CONTEXT);

        assertThat(isolation.othersThatSawIt()).containsExactly(0);
        assertThat(isolation.holds()).isFalse();
    }

    @Test
    void theChannelCopiesCountsAndDrawsEveryPass() {
        Timeline timeline = Timeline.start(10_000, "");
        CopyChannel channel = new CopyChannel(timeline);
        byte[] payload = {1, 2, 3, 4, 5};
        byte[] header = {9, 9};

        byte[] in = channel.pass(header, payload, "interpreter 0");
        byte[] out = channel.pass(in, "interpreter 0");
        payload[0] = 42;

        assertThat(in).containsExactly(9, 9, 1, 2, 3, 4, 5);
        assertThat(out).isNotSameAs(in).containsExactly(in);
        assertThat(channel.bytes()).isEqualTo(14);
        assertThat(channel.copies()).isEqualTo(2);
        assertThat(channel.nanos()).isPositive();
        TimelineSnapshot.LaneView lane = timeline.snapshot().lanes().getFirst();
        assertThat(lane.group()).isEqualTo("interpreter 0");
        assertThat(lane.state(0)).isEqualTo(LaneState.COPYING);
    }
}
