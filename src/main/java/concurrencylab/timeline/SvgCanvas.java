package concurrencylab.timeline;

import java.util.Locale;
import java.util.Map;

/** A {@link Canvas} that writes SVG: self-contained, no script, no external reference. Not thread-safe. */
public final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder(64 * 1024);

    /** A white picture of {@code width} x {@code height} pixels; {@code title} is its accessible name. */
    public SvgCanvas(int width, int height, String title) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n<title>").append(escape(title))
                .append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill) {
        svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(width))
                .append("\" height=\"").append(fmt(height)).append("\" fill=\"").append(fill).append("\"/>");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        svg.append("<line x1=\"").append(fmt(x1)).append("\" x2=\"").append(fmt(x2)).append("\" y1=\"").append(fmt(y1))
                .append("\" y2=\"").append(fmt(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(fmt(width)).append(dashed ? "\" stroke-dasharray=\"4 3\"/>" : "\"/>");
    }

    @Override
    public void text(double x, double y, String text, int size, boolean bold, String fill) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append('"');
        if (size != 11) {
            svg.append(" font-size=\"").append(size).append('"');
        }
        if (bold) {
            svg.append(" font-weight=\"bold\"");
        }
        if (!fill.equals("#000000")) {
            svg.append(" fill=\"").append(fill).append('"');
        }
        svg.append('>').append(escape(text)).append("</text>");
    }

    @Override
    public void centredText(double x, double y, String text, int size, boolean bold, String fill) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                .append("\" text-anchor=\"middle\" pointer-events=\"none\" font-size=\"").append(size).append('"');
        if (bold) {
            svg.append(" font-weight=\"bold\"");
        }
        svg.append(" fill=\"").append(fill).append("\">").append(escape(text)).append("</text>");
    }

    @Override
    public void roundedRect(double x, double y, double width, double height, double radius, String fill,
            String cssClass, Map<String, String> data) {
        svg.append("<rect");
        if (cssClass != null) {
            svg.append(" class=\"").append(escape(cssClass)).append('"');
        }
        data.forEach((key, value) -> svg.append(" data-").append(key).append("=\"").append(escape(value)).append('"'));
        svg.append(" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(width))
                .append("\" height=\"").append(fmt(height)).append("\" rx=\"").append(fmt(radius)).append("\" fill=\"")
                .append(fill).append("\"/>");
    }

    @Override
    public void beginLink(String href) {
        // _top: the picture may be shown in an <object>, and a link should open in the page, not in the picture.
        svg.append("<a href=\"").append(escape(href)).append("\" target=\"_top\">");
    }

    @Override
    public void endLink() {
        svg.append("</a>");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, String stroke, String title) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.2\" points=\"");
        for (int i = 0; i < count; i++) {
            svg.append(fmt(xs[i])).append(',').append(fmt(ys[i])).append(' ');
        }
        svg.append("\"><title>").append(escape(title)).append("</title></polyline>\n");
    }

    @Override
    public void beginGroup(String title) {
        svg.append("<g class=\"lane\"><title>").append(escape(title)).append("</title>");
    }

    @Override
    public void endGroup() {
        svg.append("</g>\n");
    }

    /** The SVG document; the canvas is done. */
    public String finish() {
        return svg.append("</svg>\n").toString();
    }

    private static String fmt(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String escape(String text) {
        return TextLines.escapeXml(text);
    }
}
