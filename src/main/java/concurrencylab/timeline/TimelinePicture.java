package concurrencylab.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a {@link TimelineSnapshot} as a picture 1,200 px wide, as SVG ({@link #svg}) or PNG ({@link #png}): one row per
 * lane (the first {@link #MAX_ROWS}; the rest summarised per group), a colour per {@link LaneState} with a legend of
 * the states that occur, marks as ticks at the top of their row, counters as line charts under the lanes, a time
 * axis in ms, and caption lines (the run's verdicts) at the bottom. A task's wait and run are drawn first and what
 * happened inside it over them. Intervals narrower than a pixel merge with their neighbours, so a picture of 200,000
 * events stays a few hundred kilobytes. Not thread-safe: one instance draws one picture.
 */
public final class TimelinePicture {

    public static final int WIDTH = 1200;
    public static final int MAX_ROWS = 64;
    private static final int LABEL_WIDTH = 230;
    private static final int RIGHT = 20;
    private static final int PLOT = WIDTH - LABEL_WIDTH - RIGHT;
    private static final int COUNTER_HEIGHT = 44;
    private static final int MAX_COUNTERS = 8;
    private static final int CAPTION_CHARS = 175;
    private static final String INK = "#000000";
    private static final String MUTED = "#555555";
    private static final String LINK = "#1565c0";
    private static final Set<LaneState> ENCLOSING = EnumSet.of(LaneState.QUEUED, LaneState.RUNNING);

    private final TimelineSnapshot timeline;
    private final String title;
    private final long duration;
    private final double nanosPerPixel;
    private final List<TimelineSnapshot.LaneView> shown;
    private final List<TimelineSnapshot.CounterView> counters;
    private final int row;
    private final List<String> notes;
    private final List<String> captionLines;
    private final Set<LaneState> states;
    private final int height;
    private Canvas canvas;
    private double y;
    /** Where a lane group's rows lead (SVG only). */
    private Map<String, String> groupLinks = Map.of();

    private TimelinePicture(TimelineSnapshot timeline, String title, List<String> caption) {
        this.timeline = timeline;
        this.title = title;
        this.duration = Math.max(timeline.durationNanos(), lastEvent(timeline));
        this.nanosPerPixel = Math.max(1, duration) / (double) PLOT;
        List<TimelineSnapshot.LaneView> lanes = timeline.lanes();
        this.shown = lanes.subList(0, Math.min(MAX_ROWS, lanes.size()));
        this.counters = timeline.counters().subList(0, Math.min(MAX_COUNTERS, timeline.counters().size()));
        this.row = shown.size() > 24 ? 12 : 20;
        this.notes = notes(timeline, lanes.subList(shown.size(), lanes.size()));
        this.captionLines = wrap(caption);
        this.states = statesIn(lanes);
        int legendRows = Math.ceilDiv(states.size(), 4) + 1;
        this.height = 40 + legendRows * 18 + 10 + shown.size() * row + 34 + counters.size() * (COUNTER_HEIGHT + 8)
                + (notes.size() + captionLines.size()) * 16 + 20;
    }

    /** The picture as SVG: titled {@code title}, {@code caption} lines under it. */
    public static String svg(TimelineSnapshot timeline, String title, List<String> caption) {
        return svg(timeline, title, caption, Map.of());
    }

    /**
     * The same, the rows of lane group {@code g} leading to {@code groupLinks.get(g)} (the loop's row to its replay),
     * their names in link blue.
     */
    public static String svg(TimelineSnapshot timeline, String title, List<String> caption,
            Map<String, String> groupLinks) {
        TimelinePicture picture = new TimelinePicture(timeline, title, caption);
        picture.groupLinks = groupLinks;
        SvgCanvas svg = new SvgCanvas(WIDTH, picture.height, title);
        picture.drawOn(svg);
        return svg.finish();
    }

    /** The same picture as PNG. */
    public static byte[] png(TimelineSnapshot timeline, String title, List<String> caption) {
        TimelinePicture picture = new TimelinePicture(timeline, title, caption);
        PngCanvas png = new PngCanvas(WIDTH, picture.height);
        picture.drawOn(png);
        return png.finish();
    }

    private void drawOn(Canvas target) {
        canvas = target;
        canvas.text(10, 22, title, 15, true, INK);
        y = 40;
        legend();
        y += 10;
        double lanesTop = y;
        String group = null;
        for (TimelineSnapshot.LaneView lane : shown) {
            if (!lane.group().equals(group)) {
                group = lane.group();
                canvas.line(0, y, WIDTH, y, "#9e9e9e", 0.5, false);
            }
            lane(lane);
            y += row;
        }
        axis(lanesTop);
        counters.forEach(this::counter);
        for (String note : notes) {
            y += 16;
            canvas.text(10, y, note, 11, false, MUTED);
        }
        for (String line : captionLines) {
            y += 16;
            canvas.text(10, y, line, 11, false, INK);
        }
    }

    private void legend() {
        int i = 0;
        for (LaneState state : states) {
            double x = 10 + (i % 4) * 295;
            double rowY = y + (i / 4) * 18;
            canvas.rect(x, rowY, 14, 11, state.colour());
            canvas.text(x + 19, rowY + 10, state.tag() + ": " + state.label(), 11, false, INK);
            i++;
        }
        double marksY = y + Math.ceilDiv(states.size(), 4) * 18;
        canvas.rect(10, marksY, 1, 4, INK);
        canvas.text(19, marksY + 10, "tick at the top of a row: a mark (a GIL hand-over, a drop request, a slow "
                + "callback, a task done, a copy between interpreters, a cancel)", 11, false, INK);
        y += (Math.ceilDiv(states.size(), 4) + 1) * 18;
    }

    private void lane(TimelineSnapshot.LaneView lane) {
        String link = groupLinks.get(lane.group());
        if (link != null) {
            canvas.beginLink(link);
        }
        canvas.beginGroup(lane.group() + " / " + lane.name() + (link == null ? "" : ": click to replay it"));
        canvas.text(10, y + row - 4, (link == null ? shorten(lane.name(), 36) : shorten(lane.name(), 24) + " \u25b8 replay"),
                row < 16 ? 9 : 11, false, link == null ? INK : LINK);
        Integer[] order = new Integer[lane.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> lane.starts()[i]));
        for (boolean enclosing : new boolean[] {true, false}) {
            Map<LaneState, double[]> pending = new LinkedHashMap<>();
            for (int i : order) {
                if (lane.isMark(i) || ENCLOSING.contains(lane.state(i)) != enclosing) {
                    continue;
                }
                LaneState state = lane.state(i);
                double x0 = x(lane.starts()[i]);
                double x1 = x(lane.ends()[i]);
                double[] open = pending.get(state);
                // Intervals narrower than a pixel merge with their neighbour; wider ones keep their edges visible.
                if (open != null && x0 <= open[1] + 0.5 && (x1 - x0 < 1 || open[1] - open[0] < 1)) {
                    open[1] = Math.max(open[1], x1);
                    continue;
                }
                if (open != null) {
                    span(open, state);
                }
                pending.put(state, new double[] {x0, x1});
            }
            pending.forEach((state, open) -> span(open, state));
        }
        double lastMark = -10;
        for (int i : order) {
            double x0 = x(lane.starts()[i]);
            if (lane.isMark(i) && x0 - lastMark >= 1) {
                canvas.rect(x0, y, 1, 4, INK);
                lastMark = x0;
            }
        }
        canvas.endGroup();
        if (link != null) {
            canvas.endLink();
        }
    }

    private void span(double[] span, LaneState state) {
        double width = span[1] - span[0];
        canvas.rect(span[0], y + 2, Math.max(0.6, width - (width > 3 ? 1 : 0)), row - 4, state.colour());
    }

    private void axis(double top) {
        double totalMs = duration / 1e6;
        double step = niceStep(totalMs / 10);
        canvas.line(LABEL_WIDTH, y + 2, LABEL_WIDTH + PLOT, y + 2, INK, 1, false);
        for (double ms = 0; ms <= totalMs + step / 1000; ms += step) {
            double x = x((long) (ms * 1e6));
            canvas.line(x, top, x, y + 6, "#e0e0e0", 0.5, false);
            canvas.text(x - 10, y + 18, fmt(ms) + (ms == 0 ? " ms" : ""), 11, false, INK);
        }
        y += 34;
    }

    private void counter(TimelineSnapshot.CounterView counter) {
        double max = 0;
        for (double v : counter.values()) {
            max = Math.max(max, v);
        }
        max = Math.max(1, max); // counts and cores: one is the least scale that reads well
        canvas.text(10, y + 14, shorten(counter.name(), 36), 11, false, INK);
        canvas.text(10, y + 28, "max " + fmt(max), 11, false, MUTED);
        canvas.rect(LABEL_WIDTH, y, PLOT, COUNTER_HEIGHT, "#e0e0e0");
        canvas.rect(LABEL_WIDTH + 0.5, y + 0.5, PLOT - 1, COUNTER_HEIGHT - 1, "#fafafa");
        double half = y + COUNTER_HEIGHT - (COUNTER_HEIGHT - 4) / 2.0;
        canvas.line(LABEL_WIDTH, half, LABEL_WIDTH + PLOT, half, "#e0e0e0", 1, true);
        canvas.text(LABEL_WIDTH - 28, half + 4, fmt(max / 2), 11, false, "#9e9e9e");
        int n = counter.times().length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        int kept = 0;
        double base = y + COUNTER_HEIGHT;
        for (int i = 0; i < n; i++) {
            double x = x(counter.times()[i]);
            if (kept > 0 && x - xs[kept - 1] < 0.5 && i + 1 < n) {
                continue;
            }
            xs[kept] = x;
            ys[kept] = base - counter.values()[i] / max * (COUNTER_HEIGHT - 4);
            kept++;
        }
        canvas.polyline(xs, ys, kept, "#3949ab", counter.group() + " / " + counter.name());
        y += COUNTER_HEIGHT + 8;
    }

    private static List<String> notes(TimelineSnapshot timeline, List<TimelineSnapshot.LaneView> hidden) {
        List<String> notes = new ArrayList<>();
        if (!hidden.isEmpty()) {
            Map<String, Integer> byGroup = new LinkedHashMap<>();
            hidden.forEach(l -> byGroup.merge(l.group(), 1, Integer::sum));
            notes.add(String.format(Locale.ROOT, "%d more lanes not drawn (%s); the trace has them all", hidden.size(),
                    byGroup.toString().replaceAll("[{}]", "").replace('=', ':')));
        }
        if (timeline.droppedLanes() > 0) {
            notes.add(timeline.droppedLanes() + " lanes were not recorded (more than " + Timeline.MAX_LANES + ")");
        }
        if (timeline.mergedEvents() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d events were merged to keep within %,d "
                    + "(lab.limits.max-timeline-events)", timeline.mergedEvents(), timeline.maxEvents()));
        }
        if (timeline.lanes().isEmpty() && timeline.counters().isEmpty()) {
            notes.add("nothing was recorded");
        }
        return notes;
    }

    private static Set<LaneState> statesIn(List<TimelineSnapshot.LaneView> lanes) {
        Set<LaneState> states = EnumSet.noneOf(LaneState.class);
        for (TimelineSnapshot.LaneView lane : lanes) {
            for (int i = 0; i < lane.size(); i++) {
                if (!lane.isMark(i)) {
                    states.add(lane.state(i));
                }
            }
        }
        return states;
    }

    private static long lastEvent(TimelineSnapshot timeline) {
        long last = 0;
        for (TimelineSnapshot.LaneView lane : timeline.lanes()) {
            for (long end : lane.ends()) {
                last = Math.max(last, end);
            }
        }
        return last;
    }

    private static List<String> wrap(List<String> caption) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : caption) {
            lines.addAll(TextLines.wrap(paragraph, CAPTION_CHARS, "    "));
        }
        return lines;
    }

    private double x(long nanos) {
        return LABEL_WIDTH + Math.max(0, nanos) / nanosPerPixel;
    }

    private static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String fmt(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
