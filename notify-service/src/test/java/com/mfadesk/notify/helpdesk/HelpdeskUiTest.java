package com.mfadesk.notify.helpdesk;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help desk UI over HTTP as a browser uses it: sign-in, sessions, CSRF, every action on the escalation page,
 * roles, the overview's dead-letter retry, and the security headers.
 */
@MicronautTest(transactional = false)
class HelpdeskUiTest extends NotifyTestBase {

    private static final String ADELE = EscalationFixtures.ADELE;
    private static final String PASS = "Zq8#kTapW9";

    @Inject
    EmbeddedServer server;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    void stopCapturingLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void anonymousBrowsersAreSentToTheLoginFormAndScriptsGet401() {
        WebSession anonymous = web();
        for (String page : List.of("/helpdesk", "/helpdesk/overview", "/helpdesk/users", "/helpdesk/escalations/HD-1")) {
            HttpResponse<String> response = anonymous.get(page);
            assertEquals(303, response.statusCode(), page);
            assertEquals("/helpdesk/login", response.headers().firstValue("Location").orElseThrow(), page);
        }
        assertEquals(401, anonymous.get("/helpdesk/queue.json").statusCode());
        assertEquals(401, anonymous.get("/api/v1/escalations").statusCode());
        assertEquals(200, anonymous.get("/helpdesk/login").statusCode());
    }

    @Test
    void signInStartsASessionWithAStrictCookieAndSignOutEndsIt() {
        WebSession browser = web();
        HttpResponse<String> wrong = browser.login(HELPDESK_USER, "not the password");
        assertEquals(401, wrong.statusCode());
        assertTrue(browser.cookie("MFADESK_SESSION").isEmpty());

        HttpResponse<String> login = browser.login(HELPDESK_USER, HELPDESK_PASSWORD);
        assertEquals(303, login.statusCode());
        assertEquals("/helpdesk", login.headers().firstValue("Location").orElseThrow());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("MFADESK_SESSION=")).findFirst().orElseThrow();
        for (String attribute : List.of("Secure", "HTTPOnly", "SameSite=Strict", "Path=/helpdesk")) {
            assertTrue(cookie.toLowerCase().contains(attribute.toLowerCase()), cookie + " lacks " + attribute);
        }
        assertEquals(200, browser.get("/helpdesk").statusCode());
        assertTrue(rows("SELECT id_hash FROM helpdesk_session").stream()
                .noneMatch(row -> row.contains(browser.cookie("MFADESK_SESSION").orElseThrow())),
                "only a hash of the session id is stored");

        String stolen = browser.cookie("MFADESK_SESSION").orElseThrow();
        assertEquals(303, browser.post("/helpdesk/logout", Map.of()).statusCode());
        WebSession replay = web().withCookie("MFADESK_SESSION", stolen);
        assertEquals(303, replay.get("/helpdesk").statusCode(), "a signed-out session is gone");
    }

    @Test
    void formsWithoutTheRightCsrfTokenAreRefused() {
        String ref = escalate(true, "I left my phone at home");
        WebSession browser = signedIn();
        browser.get("/helpdesk/escalations/" + ref);

        assertEquals(403, browser.postRaw("/helpdesk/escalations/" + ref + "/claim", Map.of()).statusCode());
        assertEquals(403, browser.postRaw("/helpdesk/escalations/" + ref + "/claim",
                Map.of("_csrf", "forged-token")).statusCode());
        assertEquals(403, browser.postRaw("/helpdesk/escalations/" + ref + "/note",
                Map.of("_csrf", "", "text", "x")).statusCode());
        assertEquals(403, browser.postRaw("/helpdesk/logout", Map.of()).statusCode());
        WebSession other = signedIn();
        other.get("/helpdesk");
        assertEquals(403, browser.postRaw("/helpdesk/escalations/" + ref + "/claim",
                Map.of("_csrf", other.csrf())).statusCode(), "another session's token does not fit");
        assertEquals(403, web().postRaw("/helpdesk/login", Map.of("username", HELPDESK_USER,
                "password", HELPDESK_PASSWORD)).statusCode(), "the login form double-submits its token");
        assertEquals(403, status(io.micronaut.http.HttpRequest.POST("/helpdesk/escalations/" + ref + "/claim", "")
                .contentType("application/x-www-form-urlencoded").basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)),
                "forms take a session, never cached Basic credentials");
        assertEquals(403, status(io.micronaut.http.HttpRequest.POST("/api/v1/escalations/" + ref + "/claim", "{}")
                .header("Origin", "https://evil.example").basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)),
                "a cross-site API call is refused even with credentials");
        assertEquals("OPEN", escalationStatus(ref));
        assertTrue(audit(ref).stream().noneMatch(a -> a.contains("CLAIMED")));
    }

    @Test
    void anAgentClaimsNotesAndResolvesWithOneMessageToTheUser() {
        String caseId = newCaseId();
        String ref = escalate(caseId, true, "I left my phone at home and have no other method");
        WebSession browser = signedIn();
        browser.get("/helpdesk/escalations/" + ref);

        HttpResponse<String> claimed = browser.post("/helpdesk/escalations/" + ref + "/claim", Map.of());
        assertEquals(303, claimed.statusCode());
        assertEquals("CLAIMED", escalationStatus(ref));
        assertEquals(303, browser.post("/helpdesk/escalations/" + ref + "/note",
                Map.of("text", "Called back on the directory number, it is Adele.")).statusCode());
        assertEquals(303, browser.post("/helpdesk/escalations/" + ref + "/resolve", Map.of("note", "TAP given",
                "message", "You can sign in again. If not, call +1 425 555 0199.")).statusCode());

        assertEquals("RESOLVED", escalationStatus(ref));
        List<String> audit = audit(ref);
        assertEquals(List.of("OPENED", "CLAIMED", "NOTE", "RESOLVED", "MESSAGE_QUEUED"),
                audit.stream().map(a -> a.split("\\|")[1]).toList());
        assertTrue(audit.get(2).contains(HELPDESK_USER) && audit.get(2).contains("Called back"));

        Eventually.await("resolution message sent", () -> resolutionMessages(caseId).size() == 1
                && outboxStatus(caseId, "RESOLUTION_MESSAGE").equals("DONE"));
        String sent = resolutionMessages(caseId).get(0).getBodyAsString();
        assertTrue(sent.contains("ending in 99") && !sent.contains("555 0199"), "phone numbers go out masked");
        assertTrue(sent.contains(ref));
        assertEquals(409, browser.post("/helpdesk/escalations/" + ref + "/resolve",
                Map.of("message", "again")).statusCode(), "one message per case");
        assertEquals(1, resolutionMessages(caseId).size());
    }

    @Test
    void theMessageIsShownAsTextNeverAsHtml() {
        String ref = escalate(false, "<script>alert(1)</script> <img src=x onerror=alert(2)> "
                + "<a href=\"javascript:alert(3)\">reset</a>");
        String page = signedIn().get("/helpdesk/escalations/" + ref).body();

        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assertFalse(page.contains("<script>alert"));
        assertFalse(page.contains("<img"));
        assertFalse(page.contains("href=\"javascript"));
        assertFalse(page.contains("onerror=alert(2)>"));
        assertFalse(page.contains("<script>") || page.matches("(?s).*<script>[^<].*"), "no inline script at all");
        assertFalse(page.matches("(?s).*\\son[a-z]+=\".*"), "no inline event handler");
    }

    @Test
    void queueListsOldestFirstWithBadgesAndFilters() {
        String first = escalate(true, "first");
        String second = escalate(false, "second");
        WebSession browser = signedIn();

        String queue = browser.get("/helpdesk").body();
        assertTrue(queue.indexOf(first) < queue.indexOf(second), "oldest first");
        assertTrue(queue.contains("NOT VERIFIED") && queue.contains("verified"));
        assertTrue(queue.contains("data-refresh-url=\"/helpdesk/queue.json?status=ACTIVE\""));
        assertTrue(queue.contains("<td>Sender not verified</td>") && !queue.contains("<td>UNVERIFIED_SENDER</td>"),
                "reasons read as words, the filter still sends the constant");
        assertTrue(queue.contains("value=\"UNVERIFIED_SENDER\">Sender not verified</option>"));

        String json = browser.get("/helpdesk/queue.json?reason=UNVERIFIED_SENDER").body();
        assertTrue(json.contains(second) && !json.contains(first));
        assertTrue(json.contains("\"reasonLabel\":\"Sender not verified\""), json);
        json = browser.get("/helpdesk/queue.json?assignee=-&scenario=no-phone-today").body();
        assertTrue(json.contains(first) && json.contains(second));
        browser.get("/helpdesk/escalations/" + first);
        browser.post("/helpdesk/escalations/" + first + "/claim", Map.of());
        json = browser.get("/helpdesk/queue.json?status=OPEN").body();
        assertTrue(json.contains(second) && !json.contains(first));
        json = browser.get("/helpdesk/queue.json?assignee=" + HELPDESK_USER).body();
        assertTrue(json.contains(first) && !json.contains(second));
    }

    /** The assignee filter once threw inside the template: the page never answered and the worker thread died. */
    @Test
    void theQueuePageAnswersWhateverTheAssigneeFilter() {
        String ref = escalate(true, "filtered");
        WebSession browser = signedIn();
        for (String assignee : List.of("-", "unassigned", HELPDESK_USER, "nobody", "12", "%27%3E%3Cscript%3E")) {
            HttpResponse<String> page = browser.get("/helpdesk?assignee=" + assignee);
            assertEquals(200, page.statusCode(), assignee);
            assertEquals("-".equals(assignee), page.body().contains(ref), "filtered by " + assignee);
        }
        assertTrue(browser.get("/helpdesk?assignee=-").body().contains("<option value=\"-\" selected"),
                "the unassigned choice stays selected");
    }

    @Test
    void temporaryAccessPassNeedsTheTickIsShownOnceAndIsStoredOrLoggedNowhere() {
        String ref = escalate(true, "lost my phone, please help");
        graph.stub(post(urlPathMatching("/v1.0/users/u-adele/authentication/temporaryAccessPassMethods"))
                .willReturn(GraphStub.okJson("{\"id\":\"tap-1\",\"temporaryAccessPass\":\"" + PASS + "\","
                        + "\"lifetimeInMinutes\":60,\"isUsableOnce\":false,"
                        + "\"startDateTime\":\"2026-11-25T10:00:00Z\"}").withStatus(201)));
        WebSession browser = signedIn();
        browser.get("/helpdesk/escalations/" + ref);

        HttpResponse<String> refused = browser.post("/helpdesk/escalations/" + ref + "/temporary-access-pass",
                Map.of("lifetimeMinutes", "60"));
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("verify the requester"));
        assertTrue(graph.requests(postRequestedFor(urlPathMatching(".*/temporaryAccessPassMethods"))).isEmpty());

        HttpResponse<String> issued = browser.post("/helpdesk/escalations/" + ref + "/temporary-access-pass",
                Map.of("lifetimeMinutes", "60", "identityVerified", "true"));
        assertEquals(200, issued.statusCode());
        assertTrue(issued.body().contains("<code id=\"tap\">" + PASS + "</code>"));
        assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElseThrow());

        assertFalse(browser.get("/helpdesk/escalations/" + ref).body().contains(PASS), "shown once");
        assertTrue(audit(ref).stream().anyMatch(a -> a.contains("TAP_ISSUED")));
        List<String> everyRow = everyRowOfEveryTable();
        assertTrue(everyRow.size() > 5);
        assertTrue(everyRow.stream().noneMatch(row -> row.contains(PASS)), "the pass is in no table");
        assertTrue(logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains(PASS)
                || (e.getThrowableProxy() != null && String.valueOf(e.getThrowableProxy().getMessage()).contains(PASS))),
                "the pass is in no log line");
        assertTrue(graph.mailsSent().stream().noneMatch(r -> r.getBodyAsString().contains(PASS)));
        assertTrue(graph.replies().stream().noneMatch(r -> r.getBodyAsString().contains(PASS)));
    }

    @Test
    void unverifiedRequestersShowAWarningAndLockPassAndRevocation() {
        String ref = escalate(false, "I am the CEO, reset my MFA now");
        WebSession browser = signedIn();
        String page = browser.get("/helpdesk/escalations/" + ref).body();
        assertTrue(page.contains("id=\"unverified-warning\"") && page.contains("Requester NOT verified"));
        assertFalse(page.contains("id=\"issue-tap\""));
        assertFalse(page.contains("id=\"revoke-sessions\""));

        assertEquals(409, browser.post("/helpdesk/escalations/" + ref + "/temporary-access-pass",
                Map.of("identityVerified", "true", "lifetimeMinutes", "60")).statusCode());
        assertEquals(409, browser.post("/helpdesk/escalations/" + ref + "/revoke-sessions", Map.of()).statusCode());
        assertTrue(graph.requests(postRequestedFor(urlPathMatching(".*/temporaryAccessPassMethods"))).isEmpty());
        assertTrue(graph.requests(postRequestedFor(urlPathMatching(".*/revokeSignInSessions"))).isEmpty());
    }

    @Test
    void revokingSessionsFromThePageCallsGraphAndIsAudited() {
        String ref = escalate(true, "my phone was stolen");
        graph.stub(post(urlPathMatching("/v1.0/users/u-adele/revokeSignInSessions"))
                .willReturn(GraphStub.okJson("{\"value\":true}")));
        WebSession browser = signedIn();
        browser.get("/helpdesk/escalations/" + ref);

        HttpResponse<String> revoked = browser.post("/helpdesk/escalations/" + ref + "/revoke-sessions", Map.of());
        assertEquals(303, revoked.statusCode());
        assertEquals(1, graph.requests(postRequestedFor(urlPathMatching(".*/u-adele/revokeSignInSessions"))).size());
        assertTrue(audit(ref).stream().anyMatch(a -> a.contains("SESSIONS_REVOKED") && a.contains(HELPDESK_USER)));
        assertTrue(browser.get(revoked.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body().contains("sessions were revoked"));
    }

    @Test
    void onlyAnAdminAddsUsersInThePageAndThroughTheApi() {
        WebSession admin = signedIn();
        admin.get("/helpdesk/users");
        HttpResponse<String> added = admin.post("/helpdesk/users",
                Map.of("username", "agent.ui", "password", "agent-password-42", "role", "AGENT"));
        assertEquals(201, added.statusCode());
        assertTrue(rows("SELECT password_hash FROM helpdesk_user WHERE username = 'agent.ui'").get(0)
                .startsWith("pbkdf2-sha256$"));
        assertEquals(400, admin.post("/helpdesk/users",
                Map.of("username", "short.pw", "password", "short", "role", "AGENT")).statusCode());

        WebSession agent = web();
        assertEquals(303, agent.login("agent.ui", "agent-password-42").statusCode());
        assertEquals(200, agent.get("/helpdesk").statusCode());
        assertFalse(agent.get("/helpdesk").body().contains("href=\"/helpdesk/users\""));
        assertEquals(403, agent.get("/helpdesk/users").statusCode());
        assertEquals(403, agent.post("/helpdesk/users",
                Map.of("username", "mallory", "password", "mallory-password-1", "role", "ADMIN")).statusCode());

        String json = "{\"username\":\"api.agent\",\"password\":\"api-agent-password\",\"role\":\"AGENT\"}";
        assertEquals(403, status(io.micronaut.http.HttpRequest.POST("/api/v1/helpdesk/users", json)
                .basicAuth("agent.ui", "agent-password-42")));
        assertEquals(201, status(io.micronaut.http.HttpRequest.POST("/api/v1/helpdesk/users", json)
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
        assertEquals(409, status(io.micronaut.http.HttpRequest.POST("/api/v1/helpdesk/users", json)
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
        assertEquals(200, status(io.micronaut.http.HttpRequest.GET("/api/v1/escalations")
                .basicAuth("api.agent", "api-agent-password")));
        assertTrue(rows("SELECT username FROM helpdesk_user").stream().noneMatch(r -> r.contains("mallory")));
    }

    @Test
    void theOverviewCountsAndPutsDeadLettersBackInLine() {
        String caseId = newCaseId();
        escalate(caseId, true, "no phone today");
        Eventually.await("acknowledgement sent", () -> outboxStatus(caseId, "USER_MESSAGE").equals("DONE"));
        execute("UPDATE outbox SET status = 'DEAD', last_error = 'stubbed 403' "
                + "WHERE case_id = '" + caseId + "' AND kind = 'USER_MESSAGE'");
        WebSession browser = signedIn();

        String page = browser.get("/helpdesk/overview").body();
        assertTrue(page.contains("answered without a human"));
        assertTrue(page.contains("median time to answer") && page.contains("median time to resolve"));
        assertTrue(page.contains("no-phone-today"));
        assertTrue(page.contains("id=\"dead-letters\"") && page.contains("stubbed 403"));
        String id = rows("SELECT id FROM outbox WHERE case_id = '" + caseId + "' AND kind = 'USER_MESSAGE'").get(0);

        assertEquals(303, browser.post("/helpdesk/outbox/" + id.trim() + "/retry", Map.of()).statusCode());
        Eventually.await("dead letter sent again", () -> outboxStatus(caseId, "USER_MESSAGE").equals("DONE"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        WebSession browser = signedIn();
        List<HttpResponse<String>> answers = List.of(browser.get("/helpdesk"), browser.get("/helpdesk/overview"),
                browser.get("/helpdesk/queue.json"), web().get("/helpdesk/login"), web().get("/helpdesk"),
                web().get("/api/v1/escalations"), browser.postRaw("/helpdesk/logout", Map.of()),
                web().get("/assets/helpdesk.js"));
        for (HttpResponse<String> answer : answers) {
            String where = answer.request().method() + " " + answer.uri();
            assertEquals("default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                    + "base-uri 'none'; form-action 'self'",
                    answer.headers().firstValue("Content-Security-Policy").orElse(null), where);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), where);
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(null), where);
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(null), where);
        }
        assertEquals("no-store", answers.get(0).headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-store", answers.get(3).headers().firstValue("Cache-Control").orElse(null));
        assertTrue(answers.get(7).headers().firstValue("Content-Type").orElseThrow().contains("javascript"));
    }

    private WebSession web() {
        return new WebSession("http://localhost:" + server.getPort());
    }

    private WebSession signedIn() {
        WebSession browser = web();
        assertEquals(303, browser.login(HELPDESK_USER, HELPDESK_PASSWORD).statusCode());
        return browser;
    }

    private String escalate(boolean verified, String text) {
        return escalate(newCaseId(), verified, text);
    }

    private String escalate(String caseId, boolean verified, String text) {
        graph.userHasMethods(ADELE, "u-adele", "Adele Brennan", Methods.password(), Methods.mobile("+1 425 555 0101"));
        graph.acceptsEverySend("<" + caseId + "@contoso.com>", "AAMk" + caseId);
        handOver(EscalationFixtures.noPhoneToday(caseId, verified, text));
        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("ESCALATED", state.get("action"));
        return (String) state.get("escalationRef");
    }

    private List<LoggedRequest> resolutionMessages(String caseId) {
        return graph.replies("AAMk" + caseId).stream()
                .filter(r -> r.getBodyAsString().contains("You can sign in again")).toList();
    }

    private String escalationStatus(String ref) {
        return rows("SELECT status FROM escalation WHERE ref = '" + ref + "'").get(0);
    }

    private String outboxStatus(String caseId, String kind) {
        List<String> status = rows("SELECT status FROM outbox WHERE case_id = '" + caseId + "' AND kind = '"
                + kind + "'");
        return status.isEmpty() ? "" : status.get(0);
    }

    private List<String> audit(String ref) {
        return rows("SELECT CONCAT(actor, '|', action, '|', COALESCE(detail, '')) FROM escalation_audit "
                + "WHERE escalation_ref = '" + ref + "' ORDER BY id");
    }

    private List<String> everyRowOfEveryTable() {
        List<String> tables = rows("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
        List<String> all = new ArrayList<>();
        for (String table : tables) {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM `" + table + "`")) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder(table);
                    for (int i = 1; i <= columns; i++) {
                        row.append('|').append(result.getString(i));
                    }
                    all.add(row.toString());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    private List<String> rows(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
