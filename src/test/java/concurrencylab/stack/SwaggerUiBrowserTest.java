package concurrencylab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.LabHttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Swagger UI as a user meets it, in headless Chromium (Debian's chromium and chromium-driver, nothing downloaded):
 * expand the threads operation, "Try it out" with its example body, "Execute", see 202 and a run id, then fetch that
 * run. Leaves a screenshot in target/swagger-ui-threads.png.
 */
class SwaggerUiBrowserTest extends LabHttpTest {

    private static final Pattern RUN_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Test
    void threadsCanBeStartedFromSwaggerUiWithTheExampleBody() throws Exception {
        Path chromium = ExternalTool.require("/usr/bin/chromium", "chromium");
        Path chromedriver = ExternalTool.require("/usr/bin/chromedriver", "chromium-driver");
        Path profile = Files.createTempDirectory("lab-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--window-size=1400,1800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");

            WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.id("operations-Experiments-threads")));
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
            // Swagger UI renders the operation's body after the click: wait for it (the wait retries not-found).
            wait.until(d -> {
                WebElement tryOut = operation.findElement(By.cssSelector(".try-out__btn"));
                return tryOut.isDisplayed() && tryOut.isEnabled() ? tryOut : null;
            }).click();
            WebElement body = wait.until(d -> operation.findElement(By.cssSelector("textarea.body-param__text")));
            assertThat(body.getAttribute("value")).as("the ready example body").contains("\"poolSize\"");
            operation.findElement(By.cssSelector("button.execute")).click();

            WebElement status = wait.until(d -> operation.findElement(
                    By.cssSelector(".live-responses-table tbody .response-col_status")));
            wait.until(d -> !status.getText().isBlank());
            ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", status);
            String responseBody = wait.until(d -> operation.findElement(
                    By.cssSelector(".live-responses-table tbody .response-col_description pre"))).getText();
            Path screenshot = Path.of("target", "swagger-ui-threads.png");
            Files.createDirectories(screenshot.getParent());
            Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                    StandardCopyOption.REPLACE_EXISTING);

            assertThat(status.getText()).as("status Swagger UI shows").startsWith("202");
            Matcher id = RUN_ID.matcher(responseBody);
            assertThat(id.find()).as("a run id in " + responseBody).isTrue();
            JsonNode run = lab.get("/api/runs/" + id.group(1)).json();
            assertThat(run.get("experiment").asString()).isEqualTo("threads");
            lab.awaitFinal(id.group(1), Duration.ofSeconds(30));
        } finally {
            browser.quit();
        }
    }
}
