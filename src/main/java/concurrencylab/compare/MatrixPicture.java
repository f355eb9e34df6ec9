package concurrencylab.compare;

import concurrencylab.experiment.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The matrix as a picture (SVG): models as rows, workloads as columns, each cell coloured by how it did (cpu and io:
 * speedup over sequential, green where it is about the task count, grey about 1, red below; mixed: the I/O p99 over
 * the same I/O alone, green near 1, red as it grows), the numbers written in it, linked to the cell's own timeline,
 * and the verdicts under it. Stateless.
 */
final class MatrixPicture {

    private static final int WIDTH = 1000;
    private static final int LABEL_WIDTH = 300;
    private static final int ROW_HEIGHT = 46;
    private static final int HEAD_HEIGHT = 100;
    private static final int LINE = 16;
    private static final int WRAP = 150;

    private MatrixPicture() {
    }

    static String svg(CompareDetails d, List<Verdict> verdicts) {
        List<String> verdictLines = new ArrayList<>();
        for (Verdict v : verdicts) {
            verdictLines.add((v.confirmed() ? "\u2713 " : "\u2717 ") + v.claim() + " " + v.outcome().tag() + ": "
                    + v.statement());
            wrap(v.evidence(), WRAP).forEach(line -> verdictLines.add("    " + line));
        }
        int columns = d.workloads().size();
        int columnWidth = (WIDTH - LABEL_WIDTH - 20) / Math.max(1, columns);
        int tableBottom = HEAD_HEIGHT + d.models().size() * ROW_HEIGHT;
        int height = tableBottom + 30 + verdictLines.size() * LINE + 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"12\">", WIDTH, height, WIDTH, height));
        svg.append("<title>Concurrency Lab: the compare matrix</title>");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        text(svg, 10, 22, 16, "bold", "#222", String.format(Locale.ROOT, "%d tasks of %d ms, every model on every "
                + "workload (%d core%s%s)", d.tasks(), d.taskMillis(), d.cores(), d.cores() == 1 ? "" : "s",
                d.pinnedTo() == null ? "" : ", pinned to CPU " + d.pinnedTo()));
        text(svg, 10, 42, 11, "normal", "#555", "cpu, io: speedup over sequential (green: about " + d.tasks()
                + ", grey: about 1, red: slower). Click a cell for its own timeline.");
        text(svg, 10, 58, 11, "normal", "#555", "mixed: the I/O tasks' p99 latency beside a " + d.hogMillis()
                + " ms CPU hog, and how many times their p99 alone (green: about 1, red: they waited for the hog).");
        for (int c = 0; c < columns; c++) {
            int x = LABEL_WIDTH + c * columnWidth;
            text(svg, x + columnWidth / 2, HEAD_HEIGHT - 12, 13, "bold", "#222", "middle", d.workloads().get(c));
        }
        for (int r = 0; r < d.models().size(); r++) {
            String model = d.models().get(r);
            int y = HEAD_HEIGHT + r * ROW_HEIGHT;
            text(svg, 10, y + 20, 13, "bold", "#222", model);
            text(svg, 10, y + 36, 11, "normal", "#666", python(model));
            for (int c = 0; c < columns; c++) {
                String workload = d.workloads().get(c);
                int x = LABEL_WIDTH + c * columnWidth;
                Cell cell = d.matrix().stream().filter(m -> m.model().equals(model) && m.workload().equals(workload))
                        .findFirst().orElse(null);
                cell(svg, cell, d, x, y, columnWidth - 6, ROW_HEIGHT - 6);
            }
        }
        int y = tableBottom + 26;
        for (String line : verdictLines) {
            boolean head = !line.startsWith("    ");
            text(svg, 10, y, head ? 12 : 11, head ? "bold" : "normal",
                    head ? (line.startsWith("\u2713") ? "#1b7a2f" : "#a33") : "#444", line.strip());
            y += LINE;
        }
        return svg.append("</svg>").toString();
    }

    private static void cell(StringBuilder svg, Cell cell, CompareDetails d, int x, int y, int w, int h) {
        if (cell == null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eee\"/>",
                    x, y, w, h));
            return;
        }
        boolean mixed = cell.ioP99Ms() != null;
        String fill = mixed ? latencyColour(cell.latencyRatio()) : speedupColour(cell.speedup(), d.tasks());
        if (cell.timeline() != null) {
            svg.append("<a href=\"").append(escape(cell.timeline())).append("\">");
        }
        svg.append(String.format(Locale.ROOT, "<rect class=\"cell\" data-model=\"%s\" data-workload=\"%s\" x=\"%d\" "
                        + "y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\"/>", escape(cell.model()),
                escape(cell.workload()), x, y, w, h, fill));
        String big = mixed ? String.format(Locale.ROOT, "p99 %s", millis(cell.ioP99Ms()))
                : cell.speedup() == null ? "-" : String.format(Locale.ROOT, "%.2f\u00d7", cell.speedup());
        String small = mixed ? String.format(Locale.ROOT, "%.1f\u00d7 alone \u00b7 %.2f s", cell.latencyRatio(),
                cell.wallSeconds())
                : String.format(Locale.ROOT, "%.2f s \u00b7 %.1f cores busy", cell.wallSeconds(), cell.coresBusy());
        if (cell.loopLagP99Ms() != null) {
            small += " \u00b7 lag " + millis(cell.loopLagP99Ms());
        }
        svg.append("<g pointer-events=\"none\">"); // a click on the numbers is a click on the cell
        text(svg, x + w / 2, y + 18, 14, "bold", "#111", "middle", big);
        text(svg, x + w / 2, y + 34, 10, "normal", "#222", "middle", small);
        svg.append("</g>");
        if (cell.timeline() != null) {
            svg.append("</a>");
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

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String colour, String text) {
        text(svg, x, y, size, weight, colour, "start", text);
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String colour, String anchor,
            String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" "
                + "fill=\"%s\" text-anchor=\"%s\">%s</text>", x, y, size, weight, colour, anchor, escape(text)));
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
