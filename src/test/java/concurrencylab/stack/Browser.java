package concurrencylab.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium for the browser tests: Debian's chromium and chromium-driver, nothing downloaded. */
final class Browser {

    @FunctionalInterface
    interface Session {
        void use(WebDriver browser) throws Exception;
    }

    private Browser() {
    }

    /** Runs {@code session} in a fresh headless Chromium, 1400 x 1800, with its console log kept. */
    static void with(Session session) throws Exception {
        Path chromium = ExternalTool.require("/usr/bin/chromium", "chromium");
        Path chromedriver = ExternalTool.require("/usr/bin/chromedriver", "chromium-driver");
        Path profile = Files.createTempDirectory("lab-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--window-size=1400,1800", "--force-device-scale-factor=1", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            session.use(browser);
        } finally {
            browser.quit();
        }
    }

    /** The console's errors since the last call (the log is drained by reading it). */
    static List<String> consoleErrors(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /**
     * Opens Swagger UI's operation {@code id} (e.g. operations-Runs-timelinePng) and presses "Try it out"; returns the
     * operation's element, ready for its parameters and "Execute".
     */
    static WebElement tryItOut(WebDriver browser, WebDriverWait wait, String id) {
        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        chrome(browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", operation);
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        // Swagger UI renders the operation's body after the click: wait for it (the wait retries not-found).
        wait.until(d -> {
            WebElement tryOut = operation.findElement(By.cssSelector(".try-out__btn"));
            return tryOut.isDisplayed() && tryOut.isEnabled() ? tryOut : null;
        }).click();
        return operation;
    }

    static ChromeDriver chrome(WebDriver browser) {
        return (ChromeDriver) browser;
    }
}
