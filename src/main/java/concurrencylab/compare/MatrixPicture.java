package concurrencylab.compare;

import concurrencylab.experiment.ResultPicture;
import concurrencylab.experiment.Verdict;
import concurrencylab.timeline.PngImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The matrix as a picture: models as rows, workloads as columns, each cell coloured by how it did (cpu and io:
 * speedup over sequential, green where it is about the task count, grey about 1, red below; mixed: the I/O p99 over
 * the same I/O alone, green near 1, red as it grows), the numbers written in it, and the verdicts under it. The same
 * layout is drawn on SVG (each cell a link to its own timeline) or on a Java2D image (PNG). Immutable.
 */
final class MatrixPicture implements ResultPicture {

    private static final int WIDTH = 1000;
    private static final int LABEL_WIDTH = 300;
    private static final int ROW_HEIGHT = 46;
    private static final int HEAD_HEIGHT = 100;
    private static final int LINE = 16;
    private static final int WRAP = 150;

    private final CompareDetails d;
    private final List<Verdict> verdicts;

    MatrixPicture(CompareDetails details, List<Verdict> verdicts) {
        this.d = details;
        this.verdicts = List.copyOf(verdicts);
    }

    /** What the matrix is drawn on. Coordinates in pixels, colours as #rrggbb. */
    private interface Sketch {

        void rect(int x, int y, int w, int h, String fill, Cell cell);

        void text(int x, int y, int size, boolean bold, String colour, boolean centred, String text);

        /** Shapes until {@link #endLink} lead to {@code href} where the format has links. */
        default void link(String href) {
        }

        default void endLink() {
        }
    }

    @Override
    public String svg() {
        Svg svg = new Svg();
        draw(svg);
        return svg.finish();
    }

    @Override
    public byte[] png() {
        Png png = new Png(WIDTH, height());
        draw(png);
        return png.finish();
    }

    private List<String> verdictLines() {
        List<String> lines = new ArrayList<>();
        for (Verdict v : verdicts) {
            lines.add((v.confirmed() ? "\u2713 " : "\u2717 ") + v.claim() + " " + v.outcome().tag() + ": "
                    + v.statement());
            wrap(v.evidence(), WRAP).forEach(line -> lines.add("    " + line));
        }
        return lines;
    }

    private int height() {
        return HEAD_HEIGHT + d.models().size() * ROW_HEIGHT + 30 + verdictLines().size() * LINE + 20;
    }

    private void draw(Sketch s) {
        s.text(10, 22, 16, true, "#222222", false, String.format(Locale.ROOT, "%d tasks of %d ms, every model on "
                + "every workload (%d core%s%s)", d.tasks(), d.taskMillis(), d.cores(), d.cores() == 1 ? "" : "s",
                d.pinnedTo() == null ? "" : ", pinned to CPU " + d.pinnedTo()));
        s.text(10, 42, 11, false, "#555555", false, "cpu, io: speedup over sequential (green: about " + d.tasks()
                + ", grey: about 1, red: slower). Click a cell for its own timeline.");
        if (d.has(CompareWorkload.MIXED)) {
            s.text(10, 58, 11, false, "#555555", false, "mixed: the I/O tasks' p99 latency beside a " + d.hogMillis()
                    + " ms CPU hog, and how many times their p99 alone (green: about 1, red: they waited for the hog).");
        }
        int columns = d.workloads().size();
        int columnWidth = (WIDTH - LABEL_WIDTH - 20) / Math.max(1, columns);
        for (int c = 0; c < columns; c++) {
            s.text(LABEL_WIDTH + c * columnWidth + columnWidth / 2, HEAD_HEIGHT - 12, 13, true, "#222222", true,
                    d.workloads().get(c));
        }
        for (int r = 0; r < d.models().size(); r++) {
            String model = d.models().get(r);
            int y = HEAD_HEIGHT + r * ROW_HEIGHT;
            s.text(10, y + 20, 13, true, "#222222", false, model);
            s.text(10, y + 36, 11, false, "#666666", false, python(model));
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
            s.text(10, y, head ? 12 : 11, head, head ? (line.startsWith("\u2713") ? "#1b7a2f" : "#aa3333") : "#444444",
                    false, line.strip());
            y += LINE;
        }
    }

    private void cell(Sketch s, Cell cell, int x, int y, int w, int h) {
        if (cell == null) {
            s.rect(x, y, w, h, "#eeeeee", null);
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
            s.link(cell.timeline());
        }
        s.rect(x, y, w, h, mixed ? latencyColour(cell.latencyRatio()) : speedupColour(cell.speedup(), d.tasks()), cell);
        s.text(x + w / 2, y + 18, 14, true, "#111111", true, big);
        s.text(x + w / 2, y + 34, 10, false, "#222222", true, small);
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

    /** SVG text; a cell's rect carries its model and workload, and its numbers let a click through to it. */
    private final class Svg implements Sketch {

        private final StringBuilder out = new StringBuilder();

        Svg() {
            int height = height();
            out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                    + "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Verdana, sans-serif\" "
                    + "font-size=\"12\">", WIDTH, height, WIDTH, height));
            out.append("<title>Concurrency Lab: the compare matrix</title>");
            out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        }

        @Override
        public void rect(int x, int y, int w, int h, String fill, Cell cell) {
            out.append(String.format(Locale.ROOT, "<rect%s x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" "
                    + "fill=\"%s\"/>", cell == null ? "" : " class=\"cell\" data-model=\"" + escape(cell.model())
                    + "\" data-workload=\"" + escape(cell.workload()) + "\"", x, y, w, h, fill));
        }

        @Override
        public void text(int x, int y, int size, boolean bold, String colour, boolean centred, String text) {
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" "
                            + "fill=\"%s\" text-anchor=\"%s\"%s>%s</text>", x, y, size, bold ? "bold" : "normal",
                    colour, centred ? "middle" : "start", centred ? " pointer-events=\"none\"" : "", escape(text)));
        }

        @Override
        public void link(String href) {
            out.append("<a href=\"").append(escape(href)).append("\">");
        }

        @Override
        public void endLink() {
            out.append("</a>");
        }

        String finish() {
            return out.append("</svg>").toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }

    /** A Java2D image, written as PNG. */
    private static final class Png implements Sketch {

        private final PngImage image;
        private final Graphics2D g;

        Png(int width, int height) {
            image = new PngImage(width, height);
            g = image.graphics();
        }

        @Override
        public void rect(int x, int y, int w, int h, String fill, Cell cell) {
            g.setColor(Color.decode(fill));
            g.fillRoundRect(x, y, w, h, 8, 8);
        }

        @Override
        public void text(int x, int y, int size, boolean bold, String colour, boolean centred, String text) {
            g.setColor(Color.decode(colour));
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
            int left = centred ? x - g.getFontMetrics().stringWidth(text) / 2 : x;
            g.drawString(text, left, y);
        }

        byte[] finish() {
            return image.finish();
        }
    }
}
