package com.mfadesk.intake.support;

import com.mfadesk.testsupport.Eventually;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link IntakeTestBase} with Teams intake switched on: Graph on WireMock ({@link GraphTeamsStub}) for the corpus
 * tenant, the support channel {@code T1/C1} and the chats where the app is installed, our app id, a client state, a
 * notification URL (so intake subscribes at start) and the {@link TestClock}. Notifications are posted the way
 * Graph and the acceptance run post them.
 */
public abstract class TeamsTestBase extends IntakeTestBase {

    public static final String NOTIFICATIONS_PATH = "/api/v1/teams/notifications";
    public static final String CLIENT_STATE = "intake-test-client-state-5c1e0a";
    public static final String NOTIFICATION_URL = "https://intake.test.contoso.com" + NOTIFICATIONS_PATH;
    public static final String TEAM = "T1";
    public static final String CHANNEL = "C1";
    public static final String CHANNEL_SUBSCRIPTION_RESOURCE = "/teams/T1/channels/C1/messages";
    public static final String CHATS_SUBSCRIPTION_RESOURCE =
            "/appCatalogs/teamsApps/" + GraphTeamsStub.APP_ID + "/installedToChats/getAllMessages";

    /** Teams message ids are creation times in epoch milliseconds; these don't collide with the corpus's. */
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(System.currentTimeMillis() * 10);

    protected final GraphTeamsStub graph = new GraphTeamsStub();

    @Inject
    protected Clock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("graph.base-url", graph.baseUrl());
        properties.put("graph.token-url", graph.tokenUrl());
        properties.put("graph.tenant-id", GraphTeamsStub.TENANT_ID);
        properties.put("graph.client-id", "intake-test-client");
        properties.put("graph.client-secret", "intake-test-secret");
        properties.put("graph.timeout", "10s");
        properties.put("teams.client-state", CLIENT_STATE);
        properties.put("teams.app-id", GraphTeamsStub.APP_ID);
        properties.put("teams.channels", TEAM + "/" + CHANNEL);
        properties.put("teams.chats", "installed");
        properties.put("teams.poll-interval", "50ms");
        properties.put("notification.url", NOTIFICATION_URL);
        properties.put("test.clock", "virtual");
        return properties;
    }

    @AfterAll
    void stopGraph() {
        graph.close();
    }

    protected TestClock testClock() {
        return (TestClock) clock;
    }

    /** A fresh Teams message id. */
    protected static String newMessageId() {
        return String.valueOf(MESSAGE_IDS.incrementAndGet());
    }

    /** A fresh 1:1 chat id between a user and the support app, as Graph writes it. */
    protected static String newChatId() {
        return "19:" + java.util.UUID.randomUUID() + "_" + GraphTeamsStub.APP_ID + "@unq.gbl.spaces";
    }

    /** Graph serves the message and a {@code created} notification for it is posted. */
    protected Answer publish(ChatMessageJson message) {
        graph.servesMessage(message.resource(), message.json());
        return deliver(message.resource(), "created");
    }

    /** Posts a change notification for {@code resource} with our client state, as Graph sends it. */
    protected Answer deliver(String resource, String changeType) {
        return postNotifications(notification(resource, changeType, CLIENT_STATE));
    }

    protected Answer postNotifications(String body) {
        return exchange(HttpRequest.POST(NOTIFICATIONS_PATH, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /** One change notification item wrapped in {@code {"value":[…]}}. */
    protected static String notification(String resource, String changeType, String clientState) {
        return "{\"value\":[" + notificationItem(resource, changeType, clientState) + "]}";
    }

    protected static String notificationItem(String resource, String changeType, String clientState) {
        String id = resource.replaceAll(".*\\('([^']+)'\\)$", "$1");
        return "{\"subscriptionId\":\"9f0d3f41-0000-4000-8000-00000000aaaa\","
                + "\"subscriptionExpirationDateTime\":" + ChatMessageJson.str(Instant.now()
                .plus(Duration.ofHours(20)).toString())
                + ",\"changeType\":" + ChatMessageJson.str(changeType)
                + ",\"clientState\":" + ChatMessageJson.str(clientState)
                + ",\"resource\":" + ChatMessageJson.str(resource)
                + ",\"tenantId\":\"" + GraphTeamsStub.TENANT_ID + "\""
                + ",\"resourceData\":{\"id\":" + ChatMessageJson.str(id)
                + ",\"@odata.type\":\"#Microsoft.Graph.chatMessage\",\"@odata.id\":" + ChatMessageJson.str(resource)
                + ",\"@odata.etag\":" + ChatMessageJson.str("W/\"" + id + "\"") + "}}";
    }

    /** A lifecycle notification ({@code subscriptionRemoved}, {@code reauthorizationRequired}, …). */
    protected static String lifecycleNotification(String event, String subscriptionId, String clientState) {
        return "{\"value\":[{\"subscriptionId\":" + ChatMessageJson.str(subscriptionId)
                + ",\"subscriptionExpirationDateTime\":" + ChatMessageJson.str(Instant.now()
                .plus(Duration.ofHours(1)).toString())
                + ",\"tenantId\":\"" + GraphTeamsStub.TENANT_ID + "\""
                + ",\"clientState\":" + ChatMessageJson.str(clientState)
                + ",\"lifecycleEvent\":" + ChatMessageJson.str(event) + "}]}";
    }

    /** GET /api/v1/cases?channel=TEAMS&externalId=…, empty on 404. */
    protected Optional<Map<String, Object>> lookUpTeams(String messageId) {
        Answer answer = exchange(HttpRequest.GET("/api/v1/cases?channel=TEAMS&externalId="
                + URLEncoder.encode(messageId, StandardCharsets.UTF_8)).bearerAuth(TOKEN));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new AssertionError("case look-up answered " + answer.status() + ": " + answer.body());
        }
        return Optional.of(answer.json());
    }

    /** Waits until intake has a case for the Teams message and returns the look-up. */
    protected Map<String, Object> awaitCase(String messageId) {
        Eventually.await("a case for Teams message " + messageId, () -> lookUpTeams(messageId).isPresent());
        return lookUpTeams(messageId).orElseThrow();
    }

    /** The single hand-over of the case to notify, once its pipeline is done. */
    protected Map<String, Object> handoverOf(String caseId) {
        awaitHandedOver(caseId);
        var requests = notify.handoffsOf(caseId);
        if (requests.size() != 1) {
            throw new AssertionError("case " + caseId + " handed over " + requests.size() + " times");
        }
        return parse(requests.get(0).getBodyAsString());
    }

    protected static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
