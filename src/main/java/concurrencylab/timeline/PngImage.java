package concurrencylab.timeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A white Java2D image with antialiased shapes and text, written out as PNG: what the lab's PNG pictures (the
 * timeline, the compare matrix) are painted on. Needs a font (fontconfig and any TrueType font). One thread paints.
 */
public final class PngImage {

    private final BufferedImage image;
    private final Graphics2D g;

    public PngImage(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    public Graphics2D graphics() {
        return g;
    }

    /** The picture as PNG bytes; paint nothing more afterwards. */
    public byte[] finish() {
        g.dispose();
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
