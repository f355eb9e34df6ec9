package concurrencylab.timeline;

import java.util.List;

/**
 * A timeline as recorded up to one moment, times in nanoseconds from the run's start: what the trace and the picture
 * are made from.
 *
 * @param durationNanos from the run's start to its end (or to now, while it runs)
 * @param ended         whether the run had ended when this was taken
 * @param lanes         every lane, in the order they were made
 * @param counters      every counter track
 * @param mergedEvents  events merged or dropped to stay within {@code maxEvents}
 * @param droppedLanes  lanes not kept past {@link Timeline#MAX_LANES}
 * @param maxEvents     the budget (lab.limits.max-timeline-events)
 */
public record TimelineSnapshot(long durationNanos, boolean ended, List<LaneView> lanes, List<CounterView> counters,
        long mergedEvents, int droppedLanes, int maxEvents) {

    /** An empty timeline: a run that never started. */
    public static final TimelineSnapshot EMPTY = new TimelineSnapshot(0, true, List.of(), List.of(), 0, 0, 0);

    public int events() {
        return lanes.stream().mapToInt(LaneView::size).sum()
                + counters.stream().mapToInt(c -> c.times().length).sum();
    }

    /** One lane's events: intervals (a state) and instants (a mark), parallel arrays. */
    public record LaneView(String group, String name, long[] starts, long[] ends, short[] kinds, int[] details,
            long merged) {

        public int size() {
            return starts.length;
        }

        public boolean isMark(int i) {
            return kinds[i] >= Lane.MARK_BASE;
        }

        /** The state of interval {@code i}; only when {@code !isMark(i)}. */
        public LaneState state(int i) {
            return LaneState.values()[kinds[i]];
        }

        /** The mark of instant {@code i}; only when {@code isMark(i)}. */
        public Mark mark(int i) {
            return Mark.values()[kinds[i] - Lane.MARK_BASE];
        }

        public long count(LaneState state) {
            long n = 0;
            for (int i = 0; i < size(); i++) {
                if (!isMark(i) && state(i) == state) {
                    n++;
                }
            }
            return n;
        }

        public long count(Mark mark) {
            long n = 0;
            for (int i = 0; i < size(); i++) {
                if (isMark(i) && mark(i) == mark) {
                    n++;
                }
            }
            return n;
        }
    }

    /** One counter track's samples. */
    public record CounterView(String group, String name, long[] times, double[] values, long merged) {
    }
}
