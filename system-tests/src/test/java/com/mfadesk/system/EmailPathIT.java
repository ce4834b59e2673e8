package com.mfadesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The email path end to end: the three service jars as separate processes, each on its own fresh database of the
 * real MariaDB/MySQL server, Graph on WireMock. Only the public contract is used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailPathIT {

    private static final String TOKEN = "e2e-internal-token";
    private static final String SUPPORT = "support@contoso.com";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private GraphStandIn graph;
    private MfaDeskSystem system;

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        graph = new GraphStandIn(0, Path.of(resource("e2e/directory.json")));
        Map<String, Integer> ports = Map.of("intake", freePort(), "guidance", freePort(), "notify", freePort());
        Map<String, String> env = new HashMap<>();
        env.put("INTERNAL_API_TOKEN", TOKEN);
        env.put("GRAPH_BASE_URL", graph.baseUrl());
        env.put("GRAPH_TOKEN_URL", graph.tokenUrl());
        env.put("GRAPH_TENANT_ID", "c0c0c0c0-1111-4222-8333-444444444444");
        env.put("GRAPH_CLIENT_ID", "e2e-client");
        env.put("GRAPH_CLIENT_SECRET", "e2e-secret");
        env.put("SUPPORT_MAILBOX", SUPPORT);
        env.put("ORG_DOMAINS", "contoso.com,contoso.co.uk");
        env.put("GUIDANCE_URL", "http://127.0.0.1:" + ports.get("guidance"));
        env.put("NOTIFY_URL", "http://127.0.0.1:" + ports.get("notify"));
        env.put("HELPDESK_TEAM_ID", "T1");
        env.put("HELPDESK_CHANNEL_ID", "C9");
        env.put("MICRONAUT_ENVIRONMENTS", "prod");
        Map<String, Map<String, String>> perService = Map.of(
                "intake", database("e2e_intake_" + suffix),
                "notify", database("e2e_notify_" + suffix));
        system = MfaDeskSystem.start(root, env, perService, ports, root.resolve("system-tests/target/e2e-run"));
    }

    @AfterAll
    void stop() throws SQLException {
        if (system != null) {
            system.close();
        }
        if (graph != null) {
            graph.close();
        }
        execute("DROP DATABASE IF EXISTS e2e_intake_" + suffix);
        execute("DROP DATABASE IF EXISTS e2e_notify_" + suffix);
    }

    @Test
    void noPhoneTodayFromAUserWithAnOfficePhoneIsRepliedOnceOnTheRightMessage() throws Exception {
        String messageId = "<e2e-office-" + suffix + "@contoso.com>";
        mailboxHas(messageId, "AAMkOffice");

        JsonNode answer = postEmail(noPhoneToday("marcus.oyelaran@contoso.com", "Marcus Oyelaran", messageId));

        assertEquals("ACCEPTED", answer.path("status").asText());
        JsonNode state = awaitFinal(answer.path("caseId").asText());
        assertEquals("no-phone-today", state.path("scenario").asText());
        assertEquals("REPLIED", state.path("action").asText());
        await("one reply", () -> repliesTo("AAMkOffice").size() == 1);
        assertTrue(repliesTo("AAMkOffice").get(0).getBodyAsString().contains("office phone ending in 42"));
        assertEquals(0, graph.server().findAll(postRequestedFor(urlPathMatching(".*/C9/messages"))).stream()
                .filter(r -> r.getBodyAsString().contains(answer.path("caseId").asText())).count());
    }

    @Test
    void noPhoneTodayFromAMobileOnlyUserIsEscalatedAndAnnouncedOnce() throws Exception {
        String messageId = "<e2e-mobile-" + suffix + "@contoso.com>";
        mailboxHas(messageId, "AAMkMobileOnly");

        JsonNode answer = postEmail(noPhoneToday("adele.brennan@contoso.com", "Adele Brennan", messageId));

        String caseId = answer.path("caseId").asText();
        JsonNode state = awaitFinal(caseId);
        assertEquals("ESCALATED", state.path("action").asText());
        assertEquals("NO_ALTERNATE_METHOD", state.path("reason").asText());
        await("the announcement and the acknowledgement", () -> announcementsOf(caseId).size() == 1
                && repliesTo("AAMkMobileOnly").size() == 1);
        Thread.sleep(500);
        assertEquals(1, announcementsOf(caseId).size(), "announced exactly once");
        assertTrue(repliesTo("AAMkMobileOnly").get(0).getBodyAsString().contains(state.path("escalationRef").asText()));
    }

    @Test
    void theSameMessagePostedTwiceIsADuplicateAndAnsweredOnce() throws Exception {
        String messageId = "<e2e-twice-" + suffix + "@contoso.com>";
        mailboxHas(messageId, "AAMkTwice");
        String mail = noPhoneToday("marcus.oyelaran@contoso.com", "Marcus Oyelaran", messageId);

        JsonNode first = postEmail(mail);
        HttpResponse<String> second = post(mail, TOKEN);

        assertEquals(200, second.statusCode());
        JsonNode duplicate = json.readTree(second.body());
        assertEquals("DUPLICATE", duplicate.path("status").asText());
        assertEquals(first.path("caseId").asText(), duplicate.path("caseId").asText());
        assertEquals("REPLIED", awaitFinal(first.path("caseId").asText()).path("action").asText());
        await("the reply", () -> repliesTo("AAMkTwice").size() == 1);
        Thread.sleep(1000);
        assertEquals(1, repliesTo("AAMkTwice").size());
    }

    @Test
    void aThrottledReplyIsSentExactlyOnceAfterRetryAfter() throws Exception {
        String messageId = "<e2e-throttled-" + suffix + "@contoso.com>";
        mailboxHas(messageId, "AAMkThrottled");
        graph.server().stubFor(WireMock.post(urlPathMatching(".*/messages/AAMkThrottled/reply")).atPriority(1)
                .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));

        JsonNode answer = postEmail(noPhoneToday("marcus.oyelaran@contoso.com", "Marcus Oyelaran", messageId));

        assertEquals("REPLIED", awaitFinal(answer.path("caseId").asText()).path("action").asText());
        await("the retried reply", () -> repliesTo("AAMkThrottled").size() == 2);
        Thread.sleep(1000);
        assertEquals(2, repliesTo("AAMkThrottled").size(), "one 429, then exactly one accepted reply");
    }

    @Test
    void badInputGetsTheDocumentedStatusAndStoresNothing() throws Exception {
        HttpResponse<String> empty = post("", TOKEN);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.headers().firstValue("Content-Type").orElse("").contains("problem+json"));

        HttpResponse<String> garbage = post("\u0000\u0001garbage, not a message at all", TOKEN);
        assertEquals(400, garbage.statusCode());
        assertTrue(garbage.headers().firstValue("Content-Type").orElse("").contains("problem+json"));

        String unauthorisedId = "<e2e-no-token-" + suffix + "@contoso.com>";
        assertEquals(401, post(noPhoneToday("marcus.oyelaran@contoso.com", "Marcus", unauthorisedId), null)
                .statusCode());
        assertEquals(404, lookup(unauthorisedId).statusCode(), "nothing stored without a token");

        String bigId = "<e2e-big-" + suffix + "@contoso.com>";
        String big = "From: marcus.oyelaran@contoso.com\r\nMessage-ID: " + bigId + "\r\nSubject: big\r\n\r\n"
                + "A".repeat(26 * 1024 * 1024);
        assertEquals(413, post(big, TOKEN).statusCode());
        assertEquals(404, lookup(bigId).statusCode(), "nothing stored over the limit");
    }

    private String noPhoneToday(String from, String name, String messageId) {
        return "From: " + name + " <" + from + ">\r\n"
                + "To: Contoso IT Support <" + SUPPORT + ">\r\n"
                + "Subject: Left my phone at home\r\n"
                + "Date: Mon, 4 Mar 2024 09:12:00 +0000\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hi,\r\n\r\nI left my phone at home today and can't sign in to Outlook: it wants the code "
                + "from my phone. How can I get in without it?\r\n\r\nThanks,\r\n" + name + "\r\n";
    }

    private void mailboxHas(String internetMessageId, String graphId) {
        graph.server().stubFor(get(urlPathMatching("/v1.0/users/[^/]+/messages")).atPriority(1)
                .withQueryParam("$filter", WireMock.equalTo("internetMessageId eq '" + internetMessageId + "'"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"value\":[{\"id\":\"" + graphId + "\"}]}")));
    }

    private List<LoggedRequest> repliesTo(String graphId) {
        return graph.server().findAll(postRequestedFor(urlPathMatching(".*/messages/" + graphId + "/reply")));
    }

    private List<LoggedRequest> announcementsOf(String caseId) {
        return graph.server().findAll(postRequestedFor(urlPathMatching("/v1.0/teams/T1/channels/C9/messages")))
                .stream().filter(r -> r.getBodyAsString().contains(caseId)).toList();
    }

    private JsonNode postEmail(String mail) throws IOException, InterruptedException {
        HttpResponse<String> response = post(mail, TOKEN);
        assertEquals(202, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String mail, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(system.service("intake").baseUrl() + "/api/v1/messages/email"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(mail, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // a server may answer 413 and close before reading a huge body; the JDK client then reports the reset
            throw new IOException("POST failed: " + e, e);
        }
    }

    private HttpResponse<String> lookup(String messageId) throws IOException, InterruptedException {
        String externalId = messageId.substring(1, messageId.length() - 1);
        return http.send(HttpRequest.newBuilder(URI.create(system.service("intake").baseUrl()
                        + "/api/v1/cases?channel=EMAIL&externalId=" + java.net.URLEncoder.encode(externalId,
                        StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitFinal(String caseId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode state = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(system.service("notify").baseUrl() + "/api/v1/cases/" + caseId))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                state = json.readTree(response.body());
                if (!"PENDING".equals(state.path("action").asText())) {
                    return state;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("case " + caseId + " not final: " + state);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private Map<String, String> database(String name) throws SQLException {
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return Map.of("DATASOURCES_DEFAULT_URL", serverUrl() + name,
                "DATASOURCES_DEFAULT_USERNAME", env("TEST_DB_USER", "root"),
                "DATASOURCES_DEFAULT_PASSWORD", env("TEST_DB_PASSWORD", ""));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl(), env("TEST_DB_USER", "root"),
                env("TEST_DB_PASSWORD", ""))) {
            connection.createStatement().execute(sql);
        }
    }

    private static String serverUrl() {
        return "jdbc:mysql://" + env("TEST_DB_HOST", "127.0.0.1") + ":" + env("TEST_DB_PORT", "3306") + "/";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static URI resource(String name) throws URISyntaxException {
        return EmailPathIT.class.getClassLoader().getResource(name).toURI();
    }
}
