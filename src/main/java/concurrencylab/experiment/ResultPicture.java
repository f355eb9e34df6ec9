package concurrencylab.experiment;

/**
 * A picture of a run's result that says more than its numbers do (the compare matrix), drawn by the service in two
 * formats: SVG for browsers (with links), PNG for viewers that show raster images only (Swagger UI prints an SVG
 * answer as text).
 */
public interface ResultPicture {

    String svg();

    /** The same picture as PNG; throws where Java2D cannot draw text (a JRE without any font). */
    byte[] png();
}
