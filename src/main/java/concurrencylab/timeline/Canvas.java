package concurrencylab.timeline;

/**
 * What a {@link TimelinePicture} draws on: the few shapes it needs. {@link SvgCanvas} writes them as SVG,
 * {@link PngCanvas} paints them with Java2D. Coordinates in pixels, colours as {@code #rrggbb}.
 */
interface Canvas {

    void rect(double x, double y, double width, double height, String fill);

    void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed);

    void text(double x, double y, String text, int size, boolean bold, String fill);

    /** A step-free polyline through the points, {@code title} its tooltip where the format has one. */
    void polyline(double[] xs, double[] ys, int count, String stroke, String title);

    /** A group of shapes (one lane), {@code title} its tooltip where the format has one. */
    default void beginGroup(String title) {
    }

    default void endGroup() {
    }
}
