package org.careloop.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The on-call console in a real browser (Debian's headless Chromium): the clinician signs in at
 * Keycloak, a positive screen reaches the page within 2 seconds, one click acknowledges it, and an
 * alert raised while the page was offline shows once it is back.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "console-with-alert.png");

    static final List<String> SHIFTS = new ArrayList<>();
    static Path profile;
    static ChromeDriver browser;

    @BeforeAll
    static void oncall1OnCallAndSignedIn() throws IOException {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new IllegalStateException(
                        program
                                + " is missing: ./care test installs Debian's chromium and"
                                + " chromium-driver (apt-get install -y chromium chromium-driver)");
            }
        }
        SHIFTS.add(Alerting.shift("oncall1", "PRIMARY"));
        profile = Files.createTempDirectory("console-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        // The driver is named: Selenium Manager downloads nothing.
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        browser = new ChromeDriver(service, options);

        browser.get(Stack.GATEWAY + "/console/");
        // Keycloak's login form, reached by the authorization code flow with PKCE.
        WebElement username;
        try {
            username =
                    waiting(Duration.ofSeconds(20))
                            .until(
                                    ExpectedConditions.visibilityOfElementLocated(
                                            By.id("username")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new IllegalStateException(
                    "Keycloak's login form did not show (is the careloop-console client in the realm?): "
                            + browser.getCurrentUrl()
                            + "\n"
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
        username.sendKeys("oncall1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        waiting(Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    }

    @AfterAll
    static void signedOutAndAnEmptyRota() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Alerting.clear(SHIFTS, List.of());
    }

    @Test
    void aNewAlertShowsWithinTwoSecondsAndOneClickAcknowledgesIt() throws IOException {
        String clientId = Alerting.register("Console", "Browser");
        // The client's primary clinician wrote a safety plan, which the on-call clinician reads.
        Stack.careFor("clinician1", clientId);
        Stack.as("clinician1")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"warningSigns":["Not sleeping","Withdrawing from friends"],
                         "internalCopingStrategies":["Walk the dog"],"socialDistractions":["Call Sam"],
                         "peopleToAskForHelp":["Sister: +1 555 0142"],
                         "professionalContacts":["988 Suicide & Crisis Lifeline"],
                         "environmentSafety":["Medication kept by sister"]}""")
                .when()
                .put("/api/risk/clients/" + clientId + "/safety-plan")
                .then()
                .statusCode(200);
        screenPositive(clientId);
        Instant screened = Instant.now();

        // The bound: on the clinician's page within 2 seconds of the screen.
        WebElement row = waiting(Duration.ofSeconds(2)).until(d -> alertRow(clientId));
        assertEquals(
                true,
                Duration.between(screened, Instant.now()).toMillis() <= 2_000,
                "the alert showed within 2 s");
        String alertId = row.getAttribute("data-alert-id");
        assertEquals("OPEN", row.getAttribute("data-status"));
        assertEquals("Console Browser", row.findElement(By.className("alert-client")).getText());

        // Its detail, with the timeline, for the screenshot.
        click(clientId, "open");
        waiting(Duration.ofSeconds(10))
                .until(
                        ExpectedConditions.textToBe(
                                By.cssSelector("[data-role=detail-status]"), "open"));
        WebElement plan = browser.findElement(By.className("plan"));
        assertEquals(true, plan.getText().contains("Withdrawing from friends"), plan.getText());
        // The arrival's flash has faded.
        waiting(Duration.ofSeconds(5))
                .until(d -> !d.findElement(By.id("flash")).getAttribute("class").contains("on"));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        click(clientId, "acknowledge");
        waiting(Duration.ofSeconds(5))
                .until(d -> "ACKNOWLEDGED".equals(alertRow(clientId).getAttribute("data-status")));
        waiting(Duration.ofSeconds(5))
                .until(
                        ExpectedConditions.textToBe(
                                By.cssSelector("[data-role=detail-status]"), "acknowledged"));
        // Readable on a phone: at 360 px nothing runs off the side.
        browser.manage().window().setSize(new Dimension(360, 740));
        try {
            waiting(Duration.ofSeconds(5))
                    .until(
                            d ->
                                    ((Number)
                                                            browser.executeScript(
                                                                    "return document.documentElement.clientWidth"))
                                                    .intValue()
                                            < 400);
            assertEquals(
                    true,
                    ((Number)
                                            browser.executeScript(
                                                    "return document.documentElement.scrollWidth"
                                                            + " - document.documentElement.clientWidth"))
                                    .intValue()
                            <= 0,
                    "no horizontal scrolling at 360 px");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        Stack.as("oncall1")
                .when()
                .get("/api/risk/alerts/" + alertId)
                .then()
                .statusCode(200)
                .body("alert.status", equalTo("ACKNOWLEDGED"))
                .body(CrisisAlertFlowTest.STEPS + ".who.last()", equalTo("oncall1"));
    }

    @Test
    void anAlertRaisedWhileThePageWasOfflineShowsWhenItIsBack() {
        String clientId = Alerting.register("Offline", "Meanwhile");
        browser.setNetworkConditions(new ChromiumNetworkConditions().setOffline(true));
        try {
            waiting(Duration.ofSeconds(10))
                    .until(
                            d ->
                                    !"live"
                                            .equals(
                                                    d.findElement(By.id("connection"))
                                                            .getAttribute("data-state")));
            screenPositive(clientId);
            // Raised while the page could not hear of it.
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    Stack.as("oncall1")
                                            .when()
                                            .get("/api/risk/alerts?status=OPEN")
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .jsonPath()
                                            .getList("clientId")
                                            .contains(clientId));
            assertEquals(null, alertRowOrNull(clientId), "nothing reached the page while offline");
        } finally {
            browser.deleteNetworkConditions();
        }
        waiting(Duration.ofSeconds(15)).until(d -> alertRow(clientId));
        waiting(Duration.ofSeconds(5))
                .until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        // And it is answered from the page like any other.
        click(clientId, "acknowledge");
        waiting(Duration.ofSeconds(5))
                .until(d -> "ACKNOWLEDGED".equals(alertRow(clientId).getAttribute("data-status")));
    }

    @Test
    void thePageIsServedUnderAStrictPolicyAndItsClientSignsInOnlyWithPkce() {
        Stack.anonymous()
                .redirects()
                .follow(false)
                .when()
                .get("/console")
                .then()
                .statusCode(301)
                .header("Location", "/console/");
        String policy =
                Stack.anonymous()
                        .when()
                        .get("/console/")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/html"))
                        .extract()
                        .header("Content-Security-Policy");
        assertEquals(true, policy.contains("script-src 'self';"), policy);
        assertEquals(false, policy.contains("unsafe"), policy);
        assertEquals(true, policy.contains("connect-src 'self' " + Tokens.keycloakUrl()), policy);
        Stack.anonymous()
                .when()
                .get("/console/config.json")
                .then()
                .statusCode(200)
                .body("clientId", equalTo("careloop-console"))
                .body("keycloakUrl", equalTo(Tokens.keycloakUrl()));

        // A public client: no password grant, and no authorization code without a PKCE challenge.
        IllegalStateException refused =
                assertThrows(
                        IllegalStateException.class,
                        () -> Keycloak.passwordGrant("careloop-console", "oncall1", null));
        assertEquals(
                true, refused.getMessage().contains("unauthorized_client"), refused.getMessage());
        String location =
                given().redirects()
                        .follow(false)
                        .queryParam("client_id", "careloop-console")
                        .queryParam("response_type", "code")
                        .queryParam("scope", "openid")
                        .queryParam("state", "s")
                        .queryParam("redirect_uri", Stack.GATEWAY + "/console/")
                        .when()
                        .get(Tokens.keycloakUrl() + "/realms/careloop/protocol/openid-connect/auth")
                        .then()
                        .statusCode(302)
                        .extract()
                        .header("Location");
        assertEquals(true, location.contains("error=invalid_request"), location);
    }

    /**
     * Clicks one of an alert row's buttons; again if the list was redrawn (a reconnect's reload)
     * between finding and clicking it.
     */
    private static void click(String clientId, String action) {
        waiting(Duration.ofSeconds(5))
                .until(
                        d -> {
                            alertRow(clientId)
                                    .findElement(By.cssSelector("[data-action=" + action + "]"))
                                    .click();
                            return true;
                        });
    }

    private static WebElement alertRow(String clientId) {
        return browser.findElement(By.cssSelector("li[data-client-id='" + clientId + "']"));
    }

    private static WebElement alertRowOrNull(String clientId) {
        List<WebElement> rows =
                browser.findElements(By.cssSelector("li[data-client-id='" + clientId + "']"));
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private static WebDriverWait waiting(Duration atMost) {
        WebDriverWait wait = new WebDriverWait(browser, atMost, Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private static void screenPositive(String clientId) {
        Stack.as("intake1")
                .contentType(ContentType.JSON)
                .body("{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,2]}")
                .when()
                .post("/api/intake/clients/" + clientId + "/assessments")
                .then()
                .statusCode(201)
                .body("riskLevel", equalTo("MODERATE"));
    }
}
