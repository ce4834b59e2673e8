package com.mfadesk.notify.ui;

import com.mfadesk.testsupport.SharedDocuments;
import com.mfadesk.notify.helpdesk.EscalationFixtures;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help desk in a real browser: Debian's chromium driven through chromium-driver. Signs in, sees the queue
 * refresh itself, opens an escalation whose message is an XSS attempt (no dialog opens, the text shows literally),
 * claims and resolves it, and saves screenshots of the queue and the escalation page for the README.
 */
@MicronautTest(transactional = false)
class HelpdeskBrowserTest extends NotifyTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOSTILE = "Hi, I'm locked out. <script>alert(1)</script> "
            + "<img src=x onerror=alert(2)> and please click <a href=\"javascript:alert(3)\">javascript:alert(3)</a>";

    @Inject
    EmbeddedServer server;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        SharedDocuments.assumeAvailable(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("helpdesk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void anAgentWorksAHostileEscalationInTheBrowser() throws IOException {
        String ref = escalate(true, HOSTILE);
        escalate(false, "Please reset my MFA, I am the CFO and travelling. Urgent!");
        String base = "http://localhost:" + server.getPort();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "/helpdesk");
        wait.until(ExpectedConditions.urlContains("/helpdesk/login"));
        browser.findElement(By.id("username")).sendKeys(HELPDESK_USER);
        browser.findElement(By.id("password")).sendKeys(HELPDESK_PASSWORD);
        browser.findElement(By.id("sign-in")).click();

        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(ref)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("queue not shown after sign-in at " + browser.getCurrentUrl() + ":\n"
                    + browser.getPageSource(), e);
        }
        assertTrue(browser.findElement(By.id("queue")).getText().contains("NOT VERIFIED"));
        new WebDriverWait(browser, Duration.ofSeconds(25)).until(ExpectedConditions.textMatches(By.id("refreshed"),
                java.util.regex.Pattern.compile("^updated ")));
        assertTrue(browser.findElement(By.linkText(ref)).isDisplayed(), "the live refresh keeps the queue");
        screenshot("helpdesk-queue.png");

        browser.findElement(By.linkText(ref)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertNoDialog();
        String shown = browser.findElement(By.id("message")).getText();
        assertTrue(shown.contains("<script>alert(1)</script>"), shown);
        assertTrue(shown.contains("<img src=x onerror=alert(2)>"), shown);
        assertTrue(shown.contains("<a href=\"javascript:alert(3)\">javascript:alert(3)</a>"), shown);
        assertTrue(browser.findElements(By.cssSelector("#message *")).isEmpty(), "the message is text, no elements");
        assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty());
        assertFalse(browser.getPageSource().contains("<script>alert"));
        browser.manage().window().setSize(new Dimension(1280, 1700));
        screenshot("helpdesk-escalation.png");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.findElement(By.id("claim")).click();
        wait.until(ExpectedConditions.textToBe(By.id("claim"), "Claimed by you"));
        assertNoDialog();
        browser.findElement(By.id("resolve-note")).sendKeys("Called back on the directory number; TAP read out.");
        browser.findElement(By.id("resolve-message")).sendKeys("You can sign in again. <b>Thanks</b>");
        browser.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1 .badge.status"), "RESOLVED"));
        assertNoDialog();
        String audit = browser.findElement(By.id("audit")).getText();
        assertTrue(audit.contains("CLAIMED") && audit.contains("RESOLVED") && audit.contains("MESSAGE_QUEUED"), audit);
    }

    private void assertNoDialog() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "a dialog opened");
    }

    /** Into target/screenshots; the README's copies in docs/ are refreshed by hand, so a test run changes no source. */
    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private String escalate(boolean verified, String text) {
        String caseId = newCaseId();
        graph.userHasMethods(EscalationFixtures.ADELE, "u-adele", "Adele Brennan", Methods.password(),
                Methods.mobile("+1 425 555 0101"));
        graph.acceptsEverySend("<" + caseId + "@contoso.com>", "AAMk" + caseId);
        handOver(EscalationFixtures.noPhoneToday(caseId, verified, text));
        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("ESCALATED", state.get("action"));
        return (String) state.get("escalationRef");
    }
}
