package concurrencylab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import concurrencylab.experiment.CatalogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Swagger UI as a user meets it, in headless Chromium (Debian's chromium and chromium-driver, nothing downloaded):
 * expand an experiment's operation, "Try it out" with its example body, "Execute", see 202 and a run id, then fetch
 * that run; for threads (leaving a screenshot in target/swagger-ui-threads.png), then for every experiment in the
 * catalog, each from its own operation.
 */
class SwaggerUiBrowserTest extends LabHttpTest {

    private static final Pattern RUN_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Test
    void threadsCanBeStartedFromSwaggerUiWithTheExampleBody() throws Exception {
        Browser.with(browser -> {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");
            Tried tried = tryOut(browser, wait, "threads");
            assertThat(tried.body()).as("the ready example body").contains("\"poolSize\"");
            Path screenshot = Path.of("target", "swagger-ui-threads.png");
            Files.createDirectories(screenshot.getParent());
            Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                    StandardCopyOption.REPLACE_EXISTING);

            assertThat(tried.status()).as("status Swagger UI shows").startsWith("202");
            Matcher id = RUN_ID.matcher(tried.response());
            assertThat(id.find()).as("a run id in " + tried.response()).isTrue();
            JsonNode run = lab.get("/api/runs/" + id.group(1)).json();
            assertThat(run.get("experiment").asString()).isEqualTo("threads");
            lab.awaitFinal(id.group(1), Duration.ofSeconds(30));
        });
    }

    /** Every experiment in the catalog has its own operation whose ready example starts a run of it. */
    @Test
    void everyExperimentCanBeStartedFromItsOwnOperation() throws Exception {
        List<String> kinds = lab.get("/api/experiments").json().get("experiments").valueStream()
                .map(e -> e.get("kind").asString()).toList();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(8);
        Browser.with(browser -> {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");
            for (String kind : kinds) {
                Tried tried = tryOut(browser, wait, kind);
                assertThat(tried.status()).as(kind + ": status Swagger UI shows").startsWith("202");
                Matcher id = RUN_ID.matcher(tried.response());
                assertThat(id.find()).as(kind + ": a run id in " + tried.response()).isTrue();
                assertThat(lab.get("/api/runs/" + id.group(1)).json().get("experiment").asString()).isEqualTo(kind);
                lab.delete("/api/runs/" + id.group(1)); // the defaults can take a while: make room for the next
                assertThat(lab.awaitFinal(id.group(1), Duration.ofSeconds(30)).get("status").asString())
                        .as(kind).isIn("CANCELLED", "SUCCEEDED");
            }
        });
    }

    /** What "Try it out" with the example body showed: the body, the status and the response. */
    private record Tried(String body, String status, String response) {
    }

    private static Tried tryOut(WebDriver browser, WebDriverWait wait, String kind) {
        WebElement operation = Browser.tryItOut(browser, wait, "operations-Experiments-"
                + CatalogEntry.operationIdOf(kind));
        WebElement body = wait.until(d -> operation.findElement(By.cssSelector("textarea.body-param__text")));
        String example = body.getAttribute("value");
        operation.findElement(By.cssSelector("button.execute")).click();
        WebElement status = wait.until(d -> operation.findElement(
                By.cssSelector(".live-responses-table tbody .response-col_status")));
        wait.until(d -> !status.getText().isBlank());
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", status);
        String response = wait.until(d -> operation.findElement(
                By.cssSelector(".live-responses-table tbody .response-col_description pre"))).getText();
        return new Tried(example, status.getText(), response);
    }
}
