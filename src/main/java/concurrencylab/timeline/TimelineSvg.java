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
 * Draws a {@link TimelineSnapshot} as a self-contained SVG picture, 1,200 px wide: one row per lane (the first
 * {@link #MAX_ROWS}; the rest summarised per group), a colour per {@link LaneState} with a legend of the states that
 * occur, marks as ticks, counters as step charts under the lanes, a time axis in ms, and caption lines (the run's
 * verdicts) at the bottom. Intervals that would land on the same pixels are coalesced, so a picture of 200,000
 * events stays a few hundred kilobytes.
 */
public final class TimelineSvg {

    public static final int WIDTH = 1200;
    public static final int MAX_ROWS = 64;
    private static final int LABEL_WIDTH = 230;
    private static final int RIGHT = 20;
    private static final int PLOT = WIDTH - LABEL_WIDTH - RIGHT;
    private static final int COUNTER_HEIGHT = 44;
    private static final int MAX_COUNTERS = 8;
    private static final int CAPTION_CHARS = 175;

    private static final Set<LaneState> ENCLOSING = EnumSet.of(LaneState.QUEUED, LaneState.RUNNING);

    private final StringBuilder svg = new StringBuilder(64 * 1024);
    private final double nanosPerPixel;
    private int y;

    private TimelineSvg(long durationNanos) {
        this.nanosPerPixel = Math.max(1, durationNanos) / (double) PLOT;
    }

    /** The picture of {@code timeline}, titled {@code title}, with {@code caption} lines under it. */
    public static String draw(TimelineSnapshot timeline, String title, List<String> caption) {
        long duration = Math.max(timeline.durationNanos(), lastEvent(timeline));
        return new TimelineSvg(duration).render(timeline, title, caption, duration);
    }

    private String render(TimelineSnapshot timeline, String title, List<String> caption, long duration) {
        List<TimelineSnapshot.LaneView> lanes = timeline.lanes();
        List<TimelineSnapshot.LaneView> shown = lanes.subList(0, Math.min(MAX_ROWS, lanes.size()));
        List<TimelineSnapshot.CounterView> counters = timeline.counters()
                .subList(0, Math.min(MAX_COUNTERS, timeline.counters().size()));
        int row = shown.size() > 24 ? 12 : 20;
        List<String> notes = notes(timeline, lanes.size() - shown.size(), lanes.subList(shown.size(), lanes.size()));
        List<String> captionLines = wrap(caption);
        Set<LaneState> states = statesIn(lanes);
        int legendRows = Math.ceilDiv(states.size(), 4) + 1;
        int height = 40 + legendRows * 18 + 10 + shown.size() * row + 34 + counters.size() * (COUNTER_HEIGHT + 8)
                + (notes.size() + captionLines.size()) * 16 + 20;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(10, 22, escape(title), "font-size=\"15\" font-weight=\"bold\"");
        y = 40;
        legend(states);
        y += 10;
        int lanesTop = y;
        String group = null;
        for (TimelineSnapshot.LaneView lane : shown) {
            if (!lane.group().equals(group)) {
                group = lane.group();
                svg.append("<line x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(y).append("\" y2=\"")
                        .append(y).append("\" stroke=\"#9e9e9e\" stroke-width=\"0.5\"/>\n");
            }
            lane(lane, row);
            y += row;
        }
        axis(lanesTop, duration);
        for (TimelineSnapshot.CounterView counter : counters) {
            counter(counter);
        }
        for (String note : notes) {
            y += 16;
            text(10, y, escape(note), "fill=\"#555555\"");
        }
        for (String line : captionLines) {
            y += 16;
            text(10, y, escape(line), "");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void legend(Set<LaneState> states) {
        int i = 0;
        for (LaneState state : states) {
            int x = 10 + (i % 4) * 295;
            int rowY = y + (i / 4) * 18;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(rowY).append("\" width=\"14\" height=\"11\" fill=\"")
                    .append(state.colour()).append("\"/>");
            text(x + 19, rowY + 10, escape(state.tag() + ": " + state.label()), "");
            i++;
        }
        int marksY = y + Math.ceilDiv(states.size(), 4) * 18;
        svg.append("<rect x=\"10\" y=\"").append(marksY).append("\" width=\"1\" height=\"4\" fill=\"#000000\"/>");
        text(19, marksY + 10, "tick at the top of a row: a mark (a GIL hand-over, a drop request, a slow callback, "
                + "a task done, a cancel)", "");
        y += (Math.ceilDiv(states.size(), 4) + 1) * 18;
    }

    private void lane(TimelineSnapshot.LaneView lane, int row) {
        svg.append("<g class=\"lane\"><title>").append(escape(lane.group() + " / " + lane.name())).append("</title>");
        text(10, y + row - 4, escape(shorten(lane.name(), 36)), row < 16 ? "font-size=\"9\"" : "");
        Integer[] order = new Integer[lane.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> lane.starts()[i]));
        // A task's wait and run enclose what happened inside it (its GIL states, its requests): drawn first, under.
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
                    rect(open, state, row);
                }
                pending.put(state, new double[] {x0, x1});
            }
            pending.forEach((state, open) -> rect(open, state, row));
        }
        double lastMark = -10;
        for (int i : order) {
            double x0 = x(lane.starts()[i]);
            if (lane.isMark(i) && x0 - lastMark >= 1) {
                svg.append("<rect x=\"").append(fmt(x0)).append("\" y=\"").append(y)
                        .append("\" width=\"1\" height=\"4\" fill=\"#000000\"/>");
                lastMark = x0;
            }
        }
        svg.append("</g>\n");
    }

    private void rect(double[] span, LaneState state, int row) {
        svg.append("<rect x=\"").append(fmt(span[0])).append("\" y=\"").append(y + 2).append("\" width=\"")
                .append(fmt(Math.max(0.6, span[1] - span[0] - (span[1] - span[0] > 3 ? 1 : 0))))
                .append("\" height=\"").append(row - 4)
                .append("\" fill=\"").append(state.colour()).append("\"/>");
    }

    private void axis(int top, long duration) {
        double totalMs = duration / 1e6;
        double step = niceStep(totalMs / 10);
        svg.append("<line x1=\"").append(LABEL_WIDTH).append("\" x2=\"").append(LABEL_WIDTH + PLOT).append("\" y1=\"")
                .append(y + 2).append("\" y2=\"").append(y + 2).append("\" stroke=\"#000000\"/>\n");
        for (double ms = 0; ms <= totalMs + step / 1000; ms += step) {
            double x = x((long) (ms * 1e6));
            svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(top)
                    .append("\" y2=\"").append(y + 6).append("\" stroke=\"#e0e0e0\" stroke-width=\"0.5\"/>");
            text(x - 10, y + 18, fmt(ms) + (ms == 0 ? " ms" : ""), "");
        }
        svg.append('\n');
        y += 34;
    }

    private void counter(TimelineSnapshot.CounterView counter) {
        double max = 0;
        for (double v : counter.values()) {
            max = Math.max(max, v);
        }
        max = Math.max(1, max); // counts and cores: one is the least scale that reads well
        text(10, y + 14, escape(shorten(counter.name(), 36)), "");
        text(10, y + 28, "max " + fmt(max), "fill=\"#555555\"");
        svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(PLOT)
                .append("\" height=\"").append(COUNTER_HEIGHT).append("\" fill=\"#fafafa\" stroke=\"#e0e0e0\"/>");
        double half = y + COUNTER_HEIGHT - (COUNTER_HEIGHT - 4) / 2.0;
        svg.append("<line x1=\"").append(LABEL_WIDTH).append("\" x2=\"").append(LABEL_WIDTH + PLOT).append("\" y1=\"")
                .append(fmt(half)).append("\" y2=\"").append(fmt(half)).append("\" stroke=\"#e0e0e0\" stroke-dasharray=\"4 3\"/>");
        text(LABEL_WIDTH - 28, (int) half + 4, fmt(max / 2), "fill=\"#9e9e9e\"");
        StringBuilder points = new StringBuilder();
        double lastX = -1;
        double base = y + COUNTER_HEIGHT;
        for (int i = 0; i < counter.times().length; i++) {
            double x = x(counter.times()[i]);
            double v = base - counter.values()[i] / max * (COUNTER_HEIGHT - 4);
            if (x - lastX < 0.5 && i + 1 < counter.times().length) {
                continue;
            }
            points.append(fmt(x)).append(',').append(fmt(v)).append(' ');
            lastX = x;
        }
        svg.append("<polyline fill=\"none\" stroke=\"#3949ab\" stroke-width=\"1.2\" points=\"").append(points)
                .append("\"><title>").append(escape(counter.group() + " / " + counter.name())).append("</title></polyline>\n");
        y += COUNTER_HEIGHT + 8;
    }

    private static List<String> notes(TimelineSnapshot timeline, int hidden, List<TimelineSnapshot.LaneView> rest) {
        List<String> notes = new ArrayList<>();
        if (hidden > 0) {
            Map<String, Integer> byGroup = new LinkedHashMap<>();
            rest.forEach(l -> byGroup.merge(l.group(), 1, Integer::sum));
            notes.add(String.format(Locale.ROOT, "%d more lanes not drawn (%s); the trace has them all", hidden,
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
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() + word.length() + 1 > CAPTION_CHARS && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder("    ");
                }
                line.append(line.isEmpty() || line.toString().isBlank() ? "" : " ").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private double x(long nanos) {
        return LABEL_WIDTH + Math.max(0, nanos) / nanosPerPixel;
    }

    private void text(double x, int baseline, String escaped, String attributes) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(baseline).append('"')
                .append(attributes.isEmpty() ? "" : " " + attributes).append('>').append(escaped).append("</text>");
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

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
