package concurrencylab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab's own pages as a newcomer meets them, in headless Chromium: the front door starts an experiment from its
 * button and lands on the run's report, which follows the run to its end and shows its picture; the reports of a
 * finished gil and event-loop run show theirs, and a compare run's report its matrix. Screenshots of the pictures are left in target/ and checked: drawn,
 * 1,200 px wide, not blank; and the console has no errors.
 */
class LabPagesBrowserTest extends LabHttpTest {

    @Test
    void theFrontDoorStartsARunAndItsReportFollowsItToThePicture() throws Exception {
        Browser.with(browser -> {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(url("/"));
            assertThat(browser.getTitle()).isEqualTo("Concurrency Lab");
            browser.findElement(By.cssSelector("button[data-kind='threads']")).click();
            wait.until(ExpectedConditions.urlMatches("/runs/[0-9a-f-]{36}$"));
            assertThat(browser.findElements(By.id("progress"))).as("a progress bar").hasSize(1);
            // The page follows the run (its SSE stream) and reloads at the end: the picture appears by itself.
            WebElement picture = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("SUCCEEDED");
            assertPictureDrawn(browser, wait, picture, "report-threads");
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        });
    }

    /**
     * A page on another origin (a second port on loopback, by another name and by the same) submits the front page's
     * form to the lab and calls fetch(..., {mode: 'no-cors'}) with no body, i.e. every default: no run starts.
     */
    @Test
    void aPageFromAnotherOriginStartsNothing() throws Exception {
        String before = newestRun();
        com.sun.net.httpserver.HttpServer foreign = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        String lab = "http://127.0.0.1:" + port;
        byte[] page = ("""
                <!DOCTYPE html><html><head><title>a page elsewhere</title></head><body>
                <form id="form" method="post" action="%1$s/runs"><input type="hidden" name="experiment" value="threads">
                <button id="go" type="submit">Win a prize</button></form>
                <script>
                fetch('%1$s/api/experiments/threads', {method: 'POST', mode: 'no-cors'})
                  .then(() => document.title = 'fetched', () => document.title = 'fetch failed');
                </script></body></html>""").formatted(lab).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        foreign.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        foreign.start();
        try {
            Browser.with(browser -> {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                for (String elsewhere : new String[] {"http://localhost:", "http://127.0.0.1:"}) {
                    browser.get(elsewhere + foreign.getAddress().getPort() + "/");
                    wait.until(ExpectedConditions.titleIs("fetched"));
                    browser.findElement(By.id("go")).click();
                    wait.until(ExpectedConditions.urlToBe(lab + "/runs"));
                    assertThat(browser.findElement(By.tagName("body")).getText()).as(elsewhere)
                            .contains("Foreign origin");
                }
            });
        } finally {
            foreign.stop(0);
        }
        assertThat(newestRun()).as("no run was started or recorded").isEqualTo(before);
    }

    private String newestRun() {
        var runs = lab.get("/api/runs?limit=1").json().get("runs");
        return runs.isEmpty() ? "" : runs.get(0).get("id").asString();
    }

    @Test
    void theReportsOfAGilAndAnEventLoopRunShowTheirPictures() throws Exception {
        String gil = lab.runToEnd("gil", """
                {"tasks": 4, "threads": 2, "workload": "cpu", "taskMillis": 150, "baseline": false}""")
                .get("id").asString();
        String loop = lab.runToEnd("event-loop", """
                {"clients": 200, "requestsPerClient": 2, "serverDelayMs": 20, "mode": "blocking", "blockMillis": 100}""")
                .get("id").asString();
        Browser.with(browser -> {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            for (String[] run : new String[][] {{"gil", gil}, {"event-loop", loop}}) {
                browser.get(url("/runs/" + run[1]));
                assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith(run[0]);
                assertThat(browser.findElements(By.cssSelector("table.verdicts tbody tr"))).isNotEmpty();
                assertPictureDrawn(browser, wait, browser.findElement(By.id("timeline")), "report-" + run[0]);
            }
            // The loop's row in the picture leads to its replay, in the page (target _top), not inside the picture.
            Object row = Browser.chrome(browser).executeScript("const a = arguments[0].contentDocument"
                    + ".querySelector('a[href$=\"/loop\"]'); if (a) { a.querySelector('text').dispatchEvent("
                    + "new MouseEvent('click', {bubbles: true, cancelable: true, view: window})); } "
                    + "return a && a.textContent;", browser.findElement(By.id("timeline")));
            assertThat(String.valueOf(row)).contains("event loop", "replay");
            wait.until(ExpectedConditions.urlContains("/runs/" + loop + "/loop#pass-"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("the loop, pass by pass");
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        });
    }

    /**
     * The loop's replay: linked from the report, it shows a pass at a time; step forward moves on, the slow pass (the
     * blocker's) stands out in the event list and, clicked, shows the blocker's callback as the slow one. Without
     * JavaScript the same passes are a table.
     */
    @Test
    void theLoopReplayStepsThroughPassesAndTheSlowOneStandsOut() throws Exception {
        String id = lab.runToEnd("event-loop", """
                {"clients": 8, "requestsPerClient": 2, "mode": "blocking", "blockMillis": 150, "serverDelayMs": 20}""")
                .get("id").asString();
        String noScript = lab.get("/runs/" + id + "/loop").body();
        assertThat(noScript).contains("<table id=\"passes\">", "<tr class=\"slow\">", "blocker");

        Browser.with(browser -> {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(url("/runs/" + id));
            browser.findElement(By.cssSelector(".loop-link a")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay")));
            WebElement title = browser.findElement(By.id("pass-title"));
            assertThat(title.getText()).startsWith("Pass 1 at ");
            assertThat(browser.findElement(By.id("ready")).getText()).contains("client 0", "blocker");
            browser.findElement(By.id("forward")).click();
            assertThat(title.getText()).startsWith("Pass 2 at ");
            browser.findElement(By.id("back")).click();
            assertThat(title.getText()).startsWith("Pass 1 at ");

            WebElement slowEvent = browser.findElement(By.cssSelector("#events li.slow"));
            assertThat(slowEvent.getText()).contains("slow callback", "blocker");
            slowEvent.click();
            assertThat(title.getText()).contains("a slow callback held the loop");
            assertThat(browser.findElement(By.cssSelector("#ran li.slow")).getText()).startsWith("blocker");
            assertThat(browser.findElement(By.id("tasks")).getText()).contains("client 0 awaits");
            Files.write(Path.of("target", "loop-replay.png"), Browser.chrome(browser).getScreenshotAs(OutputType.BYTES));

            // The address names the pass shown: opened again, it shows the same pass.
            String slowPass = browser.getCurrentUrl();
            assertThat(slowPass).matches(".*/loop#pass-\\d+$");
            browser.get(url("/runs/" + id));
            browser.get(slowPass);
            WebElement reopened = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pass-title")));
            assertThat(reopened.getText()).startsWith("Pass " + slowPass.substring(slowPass.lastIndexOf('-') + 1) + " at ")
                    .contains("a slow callback held the loop");

            WebElement title2 = browser.findElement(By.id("pass-title"));
            browser.findElement(By.id("play")).click();
            String before = title2.getText();
            wait.until(d -> !title2.getText().equals(before));
            browser.findElement(By.id("play")).click(); // pause
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        });
    }

    @Test
    void swaggerUiShowsARunsPictureInTryItOut() throws Exception {
        String id = lab.runToEnd("gil-convoy", """
                {"ioOps": 10, "ioMillis": 1, "cpuThreads": 1}""").get("id").asString();
        Browser.with(browser -> {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            WebElement picture = pictureInTryItOut(browser, wait, "operations-Runs-timelinePng", id);
            assertThat(((Number) Browser.chrome(browser).executeScript("return arguments[0].naturalWidth", picture))
                    .intValue()).isEqualTo(1200);
            Path file = Path.of("target", "swagger-ui-timeline.png");
            Files.write(file, Browser.chrome(browser).getScreenshotAs(OutputType.BYTES));
        });
    }

    @Test
    void swaggerUiShowsACompareRunsMatrixInTryItOut() throws Exception {
        String id = lab.runToEnd("compare", """
                {"tasks": 2, "taskMillis": 20, "workloads": ["cpu", "io"], "models": ["threads"]}""")
                .get("id").asString();
        Browser.with(browser -> {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            WebElement picture = pictureInTryItOut(browser, wait, "operations-Runs-picturePng", id);
            assertThat(((Number) Browser.chrome(browser).executeScript("return arguments[0].naturalWidth", picture))
                    .intValue()).isEqualTo(1000);
            Browser.chrome(browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", picture);
            Files.write(Path.of("target", "swagger-ui-matrix.png"), picture.getScreenshotAs(OutputType.BYTES));
        });
    }

    @Test
    void aCompareRunsReportShowsItsMatrixAndACellLeadsToItsOwnTimeline() throws Exception {
        String id = lab.runToEnd("compare", """
                {"tasks": 2, "taskMillis": 40, "models": ["threads", "coroutines"]}""").get("id").asString();
        Browser.with(browser -> {
            browser.get(url("/runs/" + id));
            WebElement matrix = browser.findElement(By.cssSelector("#result-picture svg"));
            assertThat(matrix.findElements(By.cssSelector("rect.cell"))).as("3 models x 3 workloads").hasSize(9);
            assertThat(matrix.getText()).contains("sequential", "coroutines", "asyncio", "mixed", "C15", "C16");
            Browser.chrome(browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", matrix);
            byte[] png = matrix.getScreenshotAs(OutputType.BYTES);
            Files.write(Path.of("target", "report-compare-matrix.png"), png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).as("the matrix on screen").isBetween(950, 1050);
            assertThat(colouredShare(image)).as("coloured cells").isGreaterThan(0.02);
            assertThat(Browser.consoleErrors(browser)).isEmpty();
            // (checked before leaving: a bare SVG page makes the browser ask for /favicon.ico, which the lab has not)
            matrix.findElement(By.cssSelector("rect.cell[data-model='threads'][data-workload='cpu']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("cell="));
            assertThat(browser.getPageSource()).contains("(threads/cpu)");
        });
    }

    /** Swagger UI's "Try it out" of a picture operation with a run's id: the picture it shows, loaded. */
    private WebElement pictureInTryItOut(WebDriver browser, WebDriverWait wait, String operationId, String id) {
        browser.get(url("/swagger-ui.html"));
        WebElement operation = Browser.tryItOut(browser, wait, operationId);
        operation.findElement(By.cssSelector("tr[data-param-name='id'] input")).sendKeys(id);
        operation.findElement(By.cssSelector("button.execute")).click();
        WebElement picture = wait.until(d -> operation.findElement(
                By.cssSelector(".live-responses-table .response-col_description img")));
        wait.until(d -> (Boolean) Browser.chrome(d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", picture));
        return picture;
    }

    /** The share of (sampled) pixels that are a colour, not white, grey or black. */
    private static double colouredShare(BufferedImage image) {
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        return coloured / (double) ((long) (image.getWidth() / 2) * (image.getHeight() / 2));
    }

    /**
     * The picture loaded, is 1,200 px wide on screen, and its screenshot is not blank. The report shows the timeline
     * as an {@code <object>} (so that its links work), Swagger UI as an {@code <img>}.
     */
    private static void assertPictureDrawn(WebDriver browser, WebDriverWait wait, WebElement picture, String name)
            throws Exception {
        if (picture.getTagName().equals("object")) {
            wait.until(d -> (Boolean) Browser.chrome(d).executeScript("const doc = arguments[0].contentDocument; "
                    + "return doc != null && doc.documentElement.localName === 'svg'", picture));
            assertThat(((Number) Browser.chrome(browser).executeScript(
                    "return arguments[0].contentDocument.documentElement.width.baseVal.value", picture)).intValue())
                    .isEqualTo(1200);
        } else {
            wait.until(d -> (Boolean) Browser.chrome(d).executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", picture));
            assertThat(((Number) Browser.chrome(browser).executeScript("return arguments[0].naturalWidth", picture))
                    .intValue()).isEqualTo(1200);
        }
        Browser.chrome(browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", picture);
        byte[] png = picture.getScreenshotAs(OutputType.BYTES);
        Path file = Path.of("target", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).as("screenshot width of " + name).isBetween(1150, 1250);
        assertThat(colouredShare(image)).as("coloured pixels (a state's colour) in " + name).isGreaterThan(0.01);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
