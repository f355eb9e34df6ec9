package concurrencylab.timeline;

import java.util.List;
import java.util.Optional;

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
 * @param sections      the run's parts that have lanes of their own (see {@link Timeline#section}), in order
 */
public record TimelineSnapshot(long durationNanos, boolean ended, List<LaneView> lanes, List<CounterView> counters,
        long mergedEvents, int droppedLanes, int maxEvents, List<Section> sections) {

    /** An empty timeline: a run that never started. */
    public static final TimelineSnapshot EMPTY = new TimelineSnapshot(0, true, List.of(), List.of(), 0, 0, 0,
            List.of());

    /** Between a section's name and a group's in the group of a lane made in that section. */
    public static final String SECTION_SEPARATOR = " \u00b7 ";

    /** A part of the run with lanes of its own, from {@code startNanos} to {@code endNanos} after the run's start. */
    public record Section(String name, long startNanos, long endNanos) {
    }

    /**
     * One section as a timeline of its own: its lanes and counters (their groups without the section's name), times
     * from the section's start, events outside it left out. Empty when there is no section of that name.
     */
    public Optional<TimelineSnapshot> section(String name) {
        Optional<Section> found = sections.stream().filter(s -> s.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Section part = found.get();
        String prefix = name + SECTION_SEPARATOR;
        List<LaneView> own = lanes.stream().filter(l -> l.group().startsWith(prefix))
                .map(l -> l.shifted(prefix.length(), part)).toList();
        List<CounterView> ownCounters = counters.stream().filter(c -> c.group().startsWith(prefix))
                .map(c -> c.shifted(prefix.length(), part)).toList();
        return Optional.of(new TimelineSnapshot(part.endNanos() - part.startNanos(), ended, own, ownCounters,
                own.stream().mapToLong(LaneView::merged).sum(), 0, maxEvents, List.of()));
    }

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

        /** The lane within {@code part}: group without its first {@code cut} characters, times from its start. */
        LaneView shifted(int cut, Section part) {
            int kept = 0;
            for (int i = 0; i < size(); i++) {
                kept += ends[i] >= part.startNanos() && starts[i] <= part.endNanos() ? 1 : 0;
            }
            long[] newStarts = new long[kept];
            long[] newEnds = new long[kept];
            short[] newKinds = new short[kept];
            int[] newDetails = new int[kept];
            for (int i = 0, j = 0; i < size(); i++) {
                if (ends[i] >= part.startNanos() && starts[i] <= part.endNanos()) {
                    newStarts[j] = Math.max(0, starts[i] - part.startNanos());
                    newEnds[j] = Math.min(part.endNanos(), ends[i]) - part.startNanos();
                    newKinds[j] = kinds[i];
                    newDetails[j++] = details[i];
                }
            }
            return new LaneView(group.substring(cut), name, newStarts, newEnds, newKinds, newDetails, merged);
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

        /** The track within {@code part}, as {@link LaneView#shifted}. */
        CounterView shifted(int cut, Section part) {
            int from = 0;
            while (from < times.length && times[from] < part.startNanos()) {
                from++;
            }
            int to = from;
            while (to < times.length && times[to] <= part.endNanos()) {
                to++;
            }
            long[] newTimes = new long[to - from];
            for (int i = from; i < to; i++) {
                newTimes[i - from] = times[i] - part.startNanos();
            }
            return new CounterView(group.substring(cut), name, newTimes, java.util.Arrays.copyOfRange(values, from, to),
                    merged);
        }
    }
}
