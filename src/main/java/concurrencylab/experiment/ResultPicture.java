package concurrencylab.experiment;

/**
 * A picture of a run's result that says more than its numbers do (the compare matrix), drawn by the service in two
 * formats: SVG for browsers (with links), PNG for viewers that show raster images only (Swagger UI prints an SVG
 * answer as text). The run machinery serves it at {@code /api/runs/{id}/picture.svg} and {@code .png} and puts it on
 * the run's report page under its {@link #title}; it knows nothing else of it. Draw it on
 * {@link concurrencylab.timeline.Canvas}, as the timelines are drawn.
 */
public interface ResultPicture {

    /** Its heading on the report page, e.g. "The matrix". */
    String title();

    /** A sentence under the heading: how to read it. */
    String caption();

    String svg();

    /** The same picture as PNG; throws where Java2D cannot draw text (a JRE without any font). */
    byte[] png();
}
