package concurrencylab.memory;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import concurrencylab.memory.SharedMemoryDetails.ChildCount;
import concurrencylab.memory.SharedMemoryDetails.Isolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C4 and C1, each shown true and false on made-up counts. */
class SharedMemoryVerdictsTest {

    private static final long MARK = 1_234_567_890L;

    private static List<Verdict> counted(CounterMode mode, int workers, long actual) {
        long expected = workers * 1000L;
        return SharedMemoryVerdicts.of(mode, new SharedMemoryDetails(mode.tag(), workers, 1000, expected, actual,
                expected - actual, 0.0, null));
    }

    private static List<Verdict> isolated(List<Long> threadsSaw, long afterThreads, List<ChildCount> children,
            long afterChildren) {
        return SharedMemoryVerdicts.of(CounterMode.PROCESSES, new SharedMemoryDetails("processes", 2, 1000, null,
                null, null, null, new Isolation(MARK, threadsSaw, afterThreads, children, afterChildren)));
    }

    @Test
    void lostUpdatesShowC4AndNoneLostDoNot() {
        assertThat(counted(CounterMode.UNSYNCHRONIZED, 2, 1500).getFirst().outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(counted(CounterMode.UNSYNCHRONIZED, 2, 2000).getFirst().outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void aProtectedCounterShowsC4OnlyWithSomeoneToShareItWith() {
        assertThat(counted(CounterMode.ATOMIC, 2, 2000).getFirst().outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(counted(CounterMode.ATOMIC, 1, 1000).getFirst().outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(counted(CounterMode.SYNCHRONIZED, 1, 1000).getFirst().outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(counted(CounterMode.SYNCHRONIZED, 2, 1999).getFirst().outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(counted(CounterMode.UNSYNCHRONIZED, 1, 1000).getFirst().outcome()).isEqualTo(Outcome.CANNOT_SHOW);
    }

    @Test
    void threadModesCannotShowC1() {
        assertThat(counted(CounterMode.ATOMIC, 2, 2000).get(1)).extracting(Verdict::claim, Verdict::outcome)
                .containsExactly("C1", Outcome.CANNOT_SHOW);
    }

    @Test
    void threadsThatSeeTheMarkAndChildrenThatDoNotShowC4AndC1() {
        List<Verdict> v = isolated(List.of(MARK, MARK + 10), MARK + 2000,
                List.of(new ChildCount(11, 0, 1000), new ChildCount(12, 0, 1000)), MARK + 2000);

        assertThat(v).extracting(Verdict::claim, Verdict::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C4", Outcome.CONFIRMED),
                org.assertj.core.groups.Tuple.tuple("C1", Outcome.CONFIRMED));
    }

    @Test
    void aChildThatSawTheServicesValueOrChangedItRefutesC1() {
        assertThat(isolated(List.of(MARK, MARK), MARK + 2000, List.of(new ChildCount(11, MARK + 2000, MARK + 3000),
                new ChildCount(12, 0, 1000)), MARK + 2000).get(1).outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(isolated(List.of(MARK, MARK), MARK + 2000, List.of(new ChildCount(11, 0, 1000),
                new ChildCount(12, 0, 1000)), MARK + 3000).get(1).outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void aProbeThatCannotSeeSharedMemoryAmongThreadsProvesNothingAboutProcesses() {
        List<Verdict> v = isolated(List.of(0L, 0L), 2000, List.of(new ChildCount(11, 0, 1000),
                new ChildCount(12, 0, 1000)), 2000);

        assertThat(v.get(0).outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(v.get(1).outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(v.get(1).evidence()).contains("cannot tell");
    }
}
