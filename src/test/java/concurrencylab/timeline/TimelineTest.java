package concurrencylab.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The timeline recorder: lanes, marks, counters, the event budget and its merging, sampling, and off. */
class TimelineTest {

    @Test
    void lanesKeepTheirIntervalsAndMarksRelativeToTheStart() {
        Timeline timeline = Timeline.start(1000, "lab-run-0123abcd-");
        long t0 = System.nanoTime();
        Lane lane = timeline.lane("threads", "worker-1");
        lane.interval(LaneState.RUNNING, t0, t0 + 5_000_000, 3);
        lane.instant(Mark.TASK_DONE, t0 + 5_000_000);
        timeline.end();

        TimelineSnapshot snapshot = timeline.snapshot();
        assertThat(snapshot.ended()).isTrue();
        TimelineSnapshot.LaneView view = snapshot.lanes().getFirst();
        assertThat(view.group()).isEqualTo("threads");
        assertThat(view.size()).isEqualTo(2);
        assertThat(view.state(0)).isEqualTo(LaneState.RUNNING);
        assertThat(view.details()[0]).isEqualTo(3);
        assertThat(view.ends()[0] - view.starts()[0]).isEqualTo(5_000_000);
        assertThat(view.starts()[0]).as("from the run's start").isBetween(-1_000_000L, 1_000_000_000L);
        assertThat(view.isMark(1)).isTrue();
        assertThat(view.mark(1)).isEqualTo(Mark.TASK_DONE);
    }

    @Test
    void pastItsBudgetALaneMergesNeighboursAndSaysHowMany() {
        Timeline timeline = Timeline.start(200, "lab-run-0123abcd-");
        Lane lane = timeline.lane("loop", "event loop");
        long t = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            lane.interval(i % 2 == 0 ? LaneState.SELECTING : LaneState.CALLBACKS, t + i * 1000L, t + i * 1000L + 1000);
            lane.instant(Mark.SLOW_CALLBACK, t + i * 1000L);
        }
        TimelineSnapshot snapshot = timeline.snapshot();
        TimelineSnapshot.LaneView view = snapshot.lanes().getFirst();

        assertThat(view.size()).as("bounded by the budget").isLessThanOrEqualTo(200);
        assertThat(snapshot.mergedEvents()).isEqualTo(20_000 - view.size());
        long first = view.starts()[0];
        long last = 0;
        for (int i = 0; i < view.size(); i++) {
            last = Math.max(last, view.ends()[i]);
        }
        assertThat(last - first).as("merged intervals still span the whole lane").isEqualTo(10_000L * 1000);
    }

    @Test
    void pastTheLaneLimitNewLanesRecordNothingAndAreCounted() {
        Timeline timeline = Timeline.start(100_000, "lab-run-0123abcd-");
        for (int i = 0; i < Timeline.MAX_LANES + 3; i++) {
            timeline.lane("tasks", "task " + i).interval(LaneState.RUNNING, 0, 1);
        }
        TimelineSnapshot snapshot = timeline.snapshot();
        assertThat(snapshot.lanes()).hasSize(Timeline.MAX_LANES);
        assertThat(snapshot.droppedLanes()).isEqualTo(3);
    }

    @Test
    void aboutSixtyFourOfManyAreSampledEvenly() {
        for (int total : new int[] {1, 10, 64, 65, 100, 1000, 100_000}) {
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                if (Timeline.sampled(i, total)) {
                    chosen.add(i);
                }
            }
            assertThat(chosen.size()).as("of %d", total).isBetween(Math.min(total, 32), 64);
            assertThat(chosen.getFirst()).isZero();
        }
    }

    @Test
    void offRecordsNothingAndKeepsNoThreads() {
        Timeline off = Timeline.off();
        off.laneOfCurrentThread("threads").interval(LaneState.RUNNING, 0, 1);
        off.lane("x", "y").instant(Mark.CANCEL, 0);
        off.counter("x", "c").sample(0, 1);
        assertThat(off.isRecording()).isFalse();
        assertThat(off.snapshot().lanes()).isEmpty();
        assertThat(off.snapshot().counters()).isEmpty();
    }

    @Test
    void eachThreadWritesItsOwnLaneWithoutLocksAndNothingIsLost() throws Exception {
        Timeline timeline = Timeline.start(1_000_000, "lab-run-0123abcd-");
        int threads = 8;
        int events = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = Thread.ofPlatform().name("writer-" + t).start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                Lane lane = timeline.laneOfCurrentThread("threads");
                for (int i = 0; i < events; i++) {
                    lane.interval(LaneState.RUNNING, i, i + 1, i);
                }
            });
            started.add(thread);
        }
        start.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        TimelineSnapshot snapshot = timeline.snapshot();
        assertThat(snapshot.lanes()).hasSize(threads);
        assertThat(snapshot.lanes()).allSatisfy(lane -> assertThat(lane.size()).isEqualTo(events));
        assertThat(snapshot.mergedEvents()).isZero();
    }

    @Test
    void aSectionKeepsItsOwnLanesAndIsCutOutAsATimelineOfItsOwn() throws InterruptedException {
        Timeline timeline = Timeline.start(1000, "lab-run-0123abcd-");
        timeline.lane("setup", "before any section");
        Thread.sleep(50); // the section starts well after the timeline: a lane's offsets must be the section's
        timeline.section("threads/cpu");
        Lane first = timeline.laneOfCurrentThread("threads", "runner");
        long start = System.nanoTime();
        first.interval(LaneState.RUNNING, start, start + 1_000_000);
        Thread.sleep(5);
        timeline.section("coroutines/io");
        Lane second = timeline.laneOfCurrentThread("threads", "runner");
        long later = System.nanoTime();
        second.interval(LaneState.SUSPENDED, later, later + 2_000_000);
        timeline.section("");
        TimelineSnapshot all = timeline.snapshot();

        assertThat(second).as("a thread gets a new lane in a new section").isNotSameAs(first);
        assertThat(all.sections()).extracting(TimelineSnapshot.Section::name).containsExactly("threads/cpu", "coroutines/io");
        assertThat(all.lanes()).extracting(TimelineSnapshot.LaneView::group)
                .containsExactly("setup", "threads/cpu \u00b7 threads", "coroutines/io \u00b7 threads");
        TimelineSnapshot cpu = all.section("threads/cpu").orElseThrow();
        TimelineSnapshot.Section part = all.sections().getFirst();
        assertThat(cpu.lanes()).singleElement().satisfies(lane -> {
            assertThat(lane.group()).isEqualTo("threads");
            // Measured from the section's start, not the timeline's (which lies 50 ms earlier): no absolute time,
            // which a busy machine stretches.
            assertThat(lane.starts()[0]).as("from the section's start").isNotNegative()
                    .isLessThan(part.startNanos()).isLessThanOrEqualTo(cpu.durationNanos());
        });
        assertThat(cpu.durationNanos()).isEqualTo(part.endNanos() - part.startNanos()).isGreaterThan(4_000_000);
        assertThat(all.section("coroutines/io").orElseThrow().lanes().getFirst().state(0)).isEqualTo(LaneState.SUSPENDED);
        assertThat(all.section("processes/cpu")).isEmpty();
    }

    @Test
    void lanesOfOneGroupStayTogetherAndRunThreadsLoseTheirPrefix() {
        Timeline timeline = Timeline.start(1000, "lab-run-0123abcd-");
        timeline.lane("tasks", "task 0");
        timeline.lane("threads", "pool-1");
        timeline.lane("tasks", "task 1");
        assertThat(timeline.snapshot().lanes()).extracting(TimelineSnapshot.LaneView::name)
                .containsExactly("task 0", "task 1", "pool-1");
        assertThat(timeline.shortName("lab-run-0123abcd-gil-2")).isEqualTo("gil-2");
        assertThat(timeline.shortName("lab-service-runner-1")).isEqualTo("lab-service-runner-1");
        assertThat(timeline.shortName("lab-run-99999999-gil-2")).as("another run's thread").isEqualTo("lab-run-99999999-gil-2");
    }

    @Test
    void countersKeepTheirSamplesAndThinOutPastTheBudget() {
        Timeline timeline = Timeline.start(300, "lab-run-0123abcd-");
        Counter counter = timeline.counter("workers", "worker 1 cpu (cores)");
        for (int i = 0; i < 5000; i++) {
            counter.sample(i, i % 2);
        }
        TimelineSnapshot.CounterView view = timeline.snapshot().counters().getFirst();
        assertThat(view.times().length).isLessThanOrEqualTo(300);
        assertThat(view.merged()).isEqualTo(5000 - view.times().length);
    }
}
