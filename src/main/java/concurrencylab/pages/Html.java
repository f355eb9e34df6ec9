package concurrencylab.pages;

/** Escaping and the page frame the lab's pages share. */
final class Html {

    private Html() {
    }

    /** Text made safe for HTML element content and attribute values. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole page: {@code head} goes into the head after the title, {@code body} is trusted HTML. */
    static String page(String title, String head, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/lab.css">
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                %s
                </head>
                <body>
                <header><a class="home" href="/">Concurrency Lab</a>
                <nav><a href="/swagger-ui.html">Swagger UI</a> <a href="/api/experiments">catalog</a>
                <a href="/api/runs">runs (JSON)</a> <a href="/actuator/prometheus">metrics</a></nav></header>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), head, body);
    }
}
