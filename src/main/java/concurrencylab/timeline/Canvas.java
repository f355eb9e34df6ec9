package concurrencylab.timeline;

import java.util.Map;

/**
 * What the service's pictures draw on (a run's timeline, an experiment's result picture such as the compare matrix):
 * the few shapes they need. {@link SvgCanvas} writes them as SVG, with links and tooltips; {@link PngCanvas} paints
 * them with Java2D for viewers that show raster images only. Coordinates in pixels, colours as {@code #rrggbb}. One
 * drawing method, two formats: a picture is written once against this interface.
 */
public interface Canvas {

    void rect(double x, double y, double width, double height, String fill);

    void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed);

    void text(double x, double y, String text, int size, boolean bold, String fill);

    /** Text centred on {@code x}; it does not catch the pointer (a click goes to the shape under it). */
    void centredText(double x, double y, String text, int size, boolean bold, String fill);

    /**
     * A rectangle with rounded corners; where the format keeps them, {@code cssClass} (null: none) and {@code data}
     * (written as {@code data-<key>} attributes) name what it stands for, for a page's script and a browser test.
     */
    void roundedRect(double x, double y, double width, double height, double radius, String fill, String cssClass,
            Map<String, String> data);

    /** A step-free polyline through the points, {@code title} its tooltip where the format has one. */
    void polyline(double[] xs, double[] ys, int count, String stroke, String title);

    /** A group of shapes (one lane), {@code title} its tooltip where the format has one. */
    default void beginGroup(String title) {
    }

    default void endGroup() {
    }

    /** Shapes until {@link #endLink} lead to {@code href} where the format has links. */
    default void beginLink(String href) {
    }

    default void endLink() {
    }
}
