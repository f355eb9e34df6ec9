package concurrencylab.compare;

import concurrencylab.experiment.ResultPicture;
import concurrencylab.experiment.Verdict;
import concurrencylab.timeline.Canvas;
import concurrencylab.timeline.PngCanvas;
import concurrencylab.timeline.SvgCanvas;
import concurrencylab.timeline.TextLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matrix as a picture: models as rows, workloads as columns, each cell coloured by how it did (cpu and io:
 * speedup over sequential, green where it is about the task count, grey about 1, red below; mixed: the I/O p99 over
 * the same I/O alone, green near 1, red as it grows), the numbers written in it, and the verdicts under it. Drawn once
 * on the service's {@link Canvas}: as SVG (each cell a link to its own timeline, as the run's links give it) or as PNG.
 * Immutable.
 */
final class MatrixPicture implements ResultPicture {

    private static final int WIDTH = 1000;
    private static final int LABEL_WIDTH = 300;
    private static final int ROW_HEIGHT = 46;
    private static final int HEAD_HEIGHT = 100;
    private static final int LINE = 16;
    private static final int WRAP = 150;
    private static final int RADIUS = 4;

    private final CompareDetails d;
    private final List<Verdict> verdicts;

    MatrixPicture(CompareDetails details, List<Verdict> verdicts) {
        this.d = details;
        this.verdicts = List.copyOf(verdicts);
    }

    @Override
    public String title() {
        return "The matrix";
    }

    @Override
    public String caption() {
        return "Each cell is one workload run one way; click it for its own timeline.";
    }

    @Override
    public String svg() {
        SvgCanvas svg = new SvgCanvas(WIDTH, height(), "Concurrency Lab: the compare matrix");
        draw(svg);
        return svg.finish();
    }

    @Override
    public byte[] png() {
        PngCanvas png = new PngCanvas(WIDTH, height());
        draw(png);
        return png.finish();
    }

    private List<String> verdictLines() {
        List<String> lines = new ArrayList<>();
        for (Verdict v : verdicts) {
            lines.add((v.confirmed() ? "\u2713 " : "\u2717 ") + v.claim() + " " + v.outcome().tag() + ": "
                    + v.statement());
            TextLines.wrap(v.evidence(), WRAP, "").forEach(line -> lines.add("    " + line));
        }
        return lines;
    }

    private int height() {
        return HEAD_HEIGHT + d.models().size() * ROW_HEIGHT + 30 + verdictLines().size() * LINE + 20;
    }

    private void draw(Canvas s) {
        s.text(10, 22, String.format(Locale.ROOT, "%d tasks of %d ms, every model on every workload (%d core%s%s)",
                d.tasks(), d.taskMillis(), d.cores(), d.cores() == 1 ? "" : "s",
                d.pinnedTo() == null ? "" : ", pinned to CPU " + d.pinnedTo()), 16, true, "#222222");
        s.text(10, 42, "cpu, io: speedup over sequential (green: about " + d.tasks() + ", grey: about 1, red: slower). "
                + "Click a cell for its own timeline.", 11, false, "#555555");
        if (d.has(CompareWorkload.MIXED)) {
            s.text(10, 58, "mixed: the I/O tasks' p99 latency beside a " + d.hogMillis() + " ms CPU hog, and how many "
                    + "times their p99 alone (green: about 1, red: they waited for the hog).", 11, false, "#555555");
        }
        int columns = d.workloads().size();
        int columnWidth = (WIDTH - LABEL_WIDTH - 20) / Math.max(1, columns);
        for (int c = 0; c < columns; c++) {
            s.centredText(LABEL_WIDTH + c * columnWidth + columnWidth / 2, HEAD_HEIGHT - 12, d.workloads().get(c), 13,
                    true, "#222222");
        }
        for (int r = 0; r < d.models().size(); r++) {
            String model = d.models().get(r);
            int y = HEAD_HEIGHT + r * ROW_HEIGHT;
            s.text(10, y + 20, model, 13, true, "#222222");
            s.text(10, y + 36, python(model), 11, false, "#666666");
            for (int c = 0; c < columns; c++) {
                String workload = d.workloads().get(c);
                Cell cell = d.matrix().stream().filter(m -> m.model().equals(model) && m.workload().equals(workload))
                        .findFirst().orElse(null);
                cell(s, cell, LABEL_WIDTH + c * columnWidth, y, columnWidth - 6, ROW_HEIGHT - 6);
            }
        }
        int y = HEAD_HEIGHT + d.models().size() * ROW_HEIGHT + 26;
        for (String line : verdictLines()) {
            boolean head = !line.startsWith("    ");
            s.text(10, y, line.strip(), head ? 12 : 11, head,
                    head ? (line.startsWith("\u2713") ? "#1b7a2f" : "#aa3333") : "#444444");
            y += LINE;
        }
    }

    private void cell(Canvas s, Cell cell, int x, int y, int w, int h) {
        if (cell == null) {
            s.roundedRect(x, y, w, h, RADIUS, "#eeeeee", null, Map.of());
            return;
        }
        boolean mixed = cell.ioP99Ms() != null;
        String big = mixed ? String.format(Locale.ROOT, "p99 %s", millis(cell.ioP99Ms()))
                : cell.speedup() == null ? "-" : String.format(Locale.ROOT, "%.2f\u00d7", cell.speedup());
        String small = mixed ? String.format(Locale.ROOT, "%.1f\u00d7 alone \u00b7 %.2f s",
                cell.latencyRatio() == null ? Double.NaN : cell.latencyRatio(), cell.wallSeconds())
                : String.format(Locale.ROOT, "%.2f s \u00b7 %.1f cores busy", cell.wallSeconds(), cell.coresBusy());
        if (cell.loopLagP99Ms() != null) {
            small += " \u00b7 lag " + millis(cell.loopLagP99Ms());
        }
        if (cell.timeline() != null) {
            s.beginLink(cell.timeline());
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("model", cell.model());
        data.put("workload", cell.workload());
        s.roundedRect(x, y, w, h, RADIUS, mixed ? latencyColour(cell.latencyRatio())
                : speedupColour(cell.speedup(), d.tasks()), "cell", data);
        s.centredText(x + w / 2.0, y + 18, big, 14, true, "#111111");
        s.centredText(x + w / 2.0, y + 34, small, 10, false, "#222222");
        if (cell.timeline() != null) {
            s.endLink();
        }
    }

    /** Red below 1, grey at 1, green at the task count (on a log scale). */
    static String speedupColour(Double speedup, int tasks) {
        if (speedup == null) {
            return "#eeeeee";
        }
        double top = Math.log(Math.max(2, tasks));
        double t = Math.log(Math.max(0.25, speedup)) / top; // 0 at 1, 1 at tasks, negative below 1
        if (t < 0) {
            return blend(new int[] {0xdd, 0xdd, 0xdd}, new int[] {0xf2, 0x8b, 0x82}, Math.min(1, -t * 2));
        }
        return blend(new int[] {0xdd, 0xdd, 0xdd}, new int[] {0x6c, 0xc0, 0x6c}, Math.min(1, t));
    }

    /** Green near 1, yellow at 10, red at 100 and more (on a log scale). */
    static String latencyColour(Double ratio) {
        if (ratio == null) {
            return "#eeeeee";
        }
        double t = Math.min(1, Math.log10(Math.max(1, ratio)) / 2);
        return t < 0.5 ? blend(new int[] {0x8f, 0xd1, 0x8f}, new int[] {0xf5, 0xd9, 0x6b}, t * 2)
                : blend(new int[] {0xf5, 0xd9, 0x6b}, new int[] {0xe0, 0x6c, 0x60}, (t - 0.5) * 2);
    }

    private static String blend(int[] from, int[] to, double t) {
        return String.format("#%02x%02x%02x", mix(from[0], to[0], t), mix(from[1], to[1], t), mix(from[2], to[2], t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String python(String model) {
        for (Model m : Model.values()) {
            if (m.tag().equals(model)) {
                return m.python();
            }
        }
        return "";
    }
}
