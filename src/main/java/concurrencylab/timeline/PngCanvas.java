package concurrencylab.timeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Map;

/**
 * A {@link Canvas} that paints with Java2D into a PNG: the same picture as the SVG, for viewers that show raster
 * images only (Swagger UI's "Try it out" prints an SVG answer as text but shows a PNG). Needs a font (fontconfig and
 * any TrueType font), which every JRE image and desktop has.
 */
public final class PngCanvas implements Canvas {

    private final PngImage image;
    private final Graphics2D g;

    /** A white picture of {@code width} x {@code height} pixels. */
    public PngCanvas(int width, int height) {
        image = new PngImage(width, height);
        g = image.graphics();
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill) {
        g.setColor(Color.decode(fill));
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        g.setColor(Color.decode(stroke));
        g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {4, 3}, 0) : new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void text(double x, double y, String text, int size, boolean bold, String fill) {
        g.setColor(Color.decode(fill));
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public void centredText(double x, double y, String text, int size, boolean bold, String fill) {
        g.setColor(Color.decode(fill));
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) y);
    }

    @Override
    public void roundedRect(double x, double y, double width, double height, double radius, String fill,
            String cssClass, Map<String, String> data) {
        g.setColor(Color.decode(fill));
        g.fill(new RoundRectangle2D.Double(x, y, width, height, 2 * radius, 2 * radius));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, String stroke, String title) {
        if (count == 0) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < count; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.setColor(Color.decode(stroke));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(path);
    }

    /** The PNG file's bytes; the canvas is done. */
    public byte[] finish() {
        return image.finish();
    }
}
