package concurrencylab.timeline;

import java.util.ArrayList;
import java.util.List;

/** Text for pictures: wrapped to a width in characters, and escaped for SVG (XML). Stateless. */
public final class TextLines {

    private TextLines() {
    }

    /**
     * {@code text} in lines of at most {@code width} characters, broken between words (a word longer than the width
     * gets a line of its own); every line after the first starts with {@code indent}.
     */
    public static List<String> wrap(String text, int width, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.toString().isBlank()) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            line.append(line.toString().isBlank() ? "" : " ").append(word);
        }
        if (!line.toString().isBlank() || lines.isEmpty()) {
            lines.add(line.toString()); // an empty paragraph stays an empty line
        }
        return lines;
    }

    /** {@code text} safe inside SVG (XML) text and attribute values. */
    public static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
