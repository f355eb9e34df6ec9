package concurrencylab.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happened inside one run, lane by lane: intervals with a {@link LaneState}, instants with a {@link Mark}, and
 * sampled {@link Counter}s, all timed with {@link System#nanoTime()} from the run's start.
 *
 * <p>Recording costs no lock on the hot path: each {@link Lane} and {@link Counter} has one writer and a preallocated
 * buffer. Memory is bounded by {@code maxEvents} (lab.limits.max-timeline-events), a budget lanes draw on in chunks
 * with an atomic add; past it, lanes merge their intervals and the snapshot says how many were merged. At most
 * {@link #MAX_LANES} lanes are kept; later ones record nothing and are counted.
 *
 * <p>States: recording (from {@link #start}) -> ended ({@link #end}, when the run reaches a final status; later
 * events are still accepted from threads winding down, but the picture ends there). Lane creation, the lane and
 * counter lists and the sections (the current one's name and start, the ended ones) are under this object's monitor;
 * everything else is lock-free.
 */
public final class Timeline {

    public static final int MAX_LANES = 512;
    /** At most this many task, coroutine or client lanes are sampled out of many. */
    public static final int MAX_SAMPLED_LANES = 64;

    private static final Timeline OFF = new Timeline(0, false, "");
    /** Where events go that are not recorded: it belongs to {@link #OFF}, so it never writes. */
    private static final Lane IDLE_LANE = new Lane(OFF, "", "");
    private static final Counter IDLE_COUNTER = new Counter(OFF, "", "");

    private final long origin = System.nanoTime();
    private final int maxEvents;
    private final boolean recording;
    private final AtomicInteger reserved = new AtomicInteger();
    private final Map<Thread, Lane> byThread = new ConcurrentHashMap<>();
    // guarded by this
    /** Step records kept beside the lanes (the loop's passes), by part ("" outside any section), then by name. */
    private final Map<String, Map<String, StepRecord>> records = new LinkedHashMap<>();
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Counter> counters = new ArrayList<>();
    private int droppedLanes;
    private final List<TimelineSnapshot.Section> sections = new ArrayList<>();
    private String section = "";
    private long sectionStart;
    private volatile long endedAt = -1;

    /** What every name of this run's threads starts with; left out of their lanes' names. */
    private final String threadPrefix;

    private Timeline(int maxEvents, boolean recording, String threadPrefix) {
        this.threadPrefix = threadPrefix;
        this.maxEvents = maxEvents;
        this.recording = recording;
    }

    /**
     * A timeline that starts now and keeps at most {@code maxEvents} events; a thread's lane is named after the
     * thread, without {@code threadPrefix} (the run's part of every name of its threads).
     */
    public static Timeline start(int maxEvents, String threadPrefix) {
        return new Timeline(maxEvents, true, threadPrefix);
    }

    /** A timeline that records nothing: for runs outside the service, and to measure what recording costs. */
    public static Timeline off() {
        return OFF;
    }

    public boolean isRecording() {
        return recording;
    }

    /** At most how many events this timeline keeps (lab.limits.max-timeline-events): what a step record sizes by. */
    public int budget() {
        return maxEvents;
    }

    /** When this timeline started, in {@link System#nanoTime()}: every time in it is counted from here. */
    public long startNanos() {
        return origin;
    }

    /**
     * Keeps {@code record} beside the lanes under {@code name}, in the current section ("" outside any): a compare
     * run keeps a loop per coroutine cell. A second one under the same name in the same section replaces the first.
     */
    public synchronized void keep(String name, StepRecord record) {
        if (recording) {
            records.computeIfAbsent(section, part -> new LinkedHashMap<>()).put(name, record);
        }
    }

    /** The step record kept under {@code name} in section {@code part} ("" for one kept outside any section). */
    public synchronized Optional<StepRecord> record(String part, String name) {
        return Optional.ofNullable(records.getOrDefault(part, Map.of()).get(name));
    }

    /** The sections that kept a record under {@code name}, in the order they kept it ("" for outside any section). */
    public synchronized List<String> recordParts(String name) {
        return records.entrySet().stream().filter(e -> e.getValue().containsKey(name)).map(Map.Entry::getKey).toList();
    }

    /** A new lane in {@code group} (e.g. "pool threads"); past {@link #MAX_LANES}, one that records nothing. */
    public Lane lane(String group, String name) {
        if (!recording) {
            return IDLE_LANE;
        }
        synchronized (this) {
            if (lanes.size() >= MAX_LANES) {
                droppedLanes++;
                return IDLE_LANE;
            }
            Lane lane = new Lane(this, inSection(group), name);
            lanes.add(lane);
            return lane;
        }
    }

    /**
     * Names the calling thread's lane (made now if it has none yet): for the run's own thread, whose name
     * ({@code lab-service-runner-1}) says nothing of its role in the experiment.
     */
    public Lane laneOfCurrentThread(String group, String name) {
        if (!recording) {
            return IDLE_LANE;
        }
        return byThread.computeIfAbsent(Thread.currentThread(), t -> lane(group, name));
    }

    /** The lane of the calling thread in {@code group}, named after the thread; made on first use. */
    public Lane laneOfCurrentThread(String group) {
        if (!recording) {
            return IDLE_LANE;
        }
        Thread me = Thread.currentThread();
        Lane lane = byThread.get(me);
        return lane != null ? lane : byThread.computeIfAbsent(me, t -> lane(group, shortName(t.getName())));
    }

    /** A thread's name without the run's prefix: its role and number. */
    String shortName(String threadName) {
        return !threadPrefix.isEmpty() && threadName.startsWith(threadPrefix)
                ? threadName.substring(threadPrefix.length()) : threadName;
    }

    /** A new counter track in {@code group}. */
    public synchronized Counter counter(String group, String name) {
        if (!recording) {
            return IDLE_COUNTER;
        }
        Counter counter = new Counter(this, inSection(group), name);
        counters.add(counter);
        return counter;
    }

    /**
     * Starts a section: a part of the run with lanes of its own (one cell of a matrix run, say). Lanes and counters
     * made from now on belong to it (their group is prefixed with its name), a thread gets a new lane in it, and the
     * previous section ends now; an empty name ends it without starting another. {@link TimelineSnapshot#section} cuts
     * one out as a timeline of its own.
     */
    public synchronized void section(String name) {
        if (!recording) {
            return;
        }
        long now = System.nanoTime();
        endSectionLocked(now);
        section = name;
        sectionStart = now;
        byThread.clear();
    }

    /** When the current section started (the timeline's start outside any), in {@link System#nanoTime()}. */
    public synchronized long sectionStartNanos() {
        return section.isEmpty() ? origin : sectionStart;
    }

    /** The current section's name, or "" outside any. */
    public synchronized String currentSection() {
        return section;
    }

    private void endSectionLocked(long now) {
        if (!section.isEmpty()) {
            sections.add(new TimelineSnapshot.Section(section, sectionStart - origin, now - origin));
            section = "";
        }
    }

    private String inSection(String group) {
        return section.isEmpty() ? group : section + TimelineSnapshot.SECTION_SEPARATOR + group;
    }

    /** Whether item {@code index} of {@code total} gets a lane: all of up to 64, else about 64 chosen evenly. */
    public static boolean sampled(int index, int total) {
        int every = Math.ceilDiv(Math.max(total, 1), MAX_SAMPLED_LANES);
        return index % every == 0;
    }

    /** The run ended: the picture stops here. Idempotent. */
    public void end() {
        if (endedAt < 0) {
            long now = System.nanoTime();
            synchronized (this) {
                endSectionLocked(now);
            }
            endedAt = now;
        }
    }

    /** Room for up to {@code wanted} more events out of the budget; at least {@code floor} even when it is spent. */
    int reserve(int wanted, int floor) {
        if (!recording) {
            return floor;
        }
        while (true) {
            int used = reserved.get();
            int grant = Math.max(0, Math.min(wanted, maxEvents - used));
            if (grant == 0) {
                return floor;
            }
            if (reserved.compareAndSet(used, used + grant)) {
                return Math.max(grant, floor);
            }
        }
    }

    /** What was recorded so far (all of it once the run ended), times from the run's start. */
    public TimelineSnapshot snapshot() {
        List<Lane> laneList;
        List<Counter> counterList;
        int dropped;
        List<TimelineSnapshot.Section> sectionList = new ArrayList<>();
        long end = endedAt >= 0 ? endedAt : System.nanoTime();
        synchronized (this) {
            laneList = List.copyOf(lanes);
            counterList = List.copyOf(counters);
            dropped = droppedLanes;
            sectionList.addAll(sections);
            if (!section.isEmpty()) {
                sectionList.add(new TimelineSnapshot.Section(section, sectionStart - origin, end - origin));
            }
        }
        // Lanes of one group together, groups in the order they first appeared.
        List<String> groups = laneList.stream().map(Lane::group).distinct().toList();
        var laneViews = laneList.stream().sorted(java.util.Comparator.comparingInt(l -> groups.indexOf(l.group())))
                .map(l -> l.view(origin)).toList();
        var counterViews = counterList.stream().map(c -> c.view(origin)).toList();
        long merged = laneViews.stream().mapToLong(TimelineSnapshot.LaneView::merged).sum()
                + counterViews.stream().mapToLong(TimelineSnapshot.CounterView::merged).sum();
        return new TimelineSnapshot(end - origin, endedAt >= 0, laneViews, counterViews, merged, dropped, maxEvents,
                List.copyOf(sectionList));
    }
}
