package com.mfadesk.intake.teams;

import com.mfadesk.intake.notifications.ChangeNotificationRepository;

import com.mfadesk.intake.support.ChatMessageJson;
import com.mfadesk.intake.support.TeamsTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notification endpoint as Graph sees it (CONTRACT.md, GRAPH-NOTES.md): the validation handshake without a
 * bearer token, 202 at once for deliveries, and a wrong {@code clientState} dropped before anything is fetched.
 */
@MicronautTest(transactional = false)
class TeamsNotificationEndpointTest extends TeamsTestBase {

    @Inject
    ChangeNotificationRepository notifications;

    @Test
    void validationHandshakeEchoesTheDecodedTokenAsPlainText() {
        String token = "Validation: Testing client application reachability for subscription Request-Id: "
                + UUID.randomUUID();

        Answer answer = exchange(HttpRequest.POST(NOTIFICATIONS_PATH + "?validationToken="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20"), "")
                .contentType(MediaType.TEXT_PLAIN_TYPE));

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
        assertEquals(token, answer.body());
    }

    @Test
    void validationHandshakeWorksWithoutBodyOrContentType() {
        String token = "Validation: reachability Request-Id: " + UUID.randomUUID();

        Answer answer = exchange(HttpRequest.POST(NOTIFICATIONS_PATH + "?validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8), (Object) null));

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
        assertEquals(token, answer.body());
    }

    @Test
    void wrongClientStateIsAnsweredButDroppedAndNeverFetched() {
        ChatMessageJson message = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId());
        graph.servesMessage(message.resource(), message.json());
        long stored = notifications.count();

        long start = System.nanoTime();
        Answer wrong = postNotifications(notification(message.resource(), "created", "wrong-" + CLIENT_STATE));
        Answer missing = postNotifications(notification(message.resource(), "created", null)
                .replace("\"clientState\":null,", ""));
        Answer prefix = postNotifications(notification(message.resource(), "created",
                CLIENT_STATE.substring(0, CLIENT_STATE.length() - 1)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(202, wrong.status(), wrong.body());
        assertEquals(202, missing.status(), missing.body());
        assertEquals(202, prefix.status(), prefix.body());
        assertTrue(elapsed.compareTo(Duration.ofSeconds(3)) < 0, "answered in " + elapsed);
        assertEquals(stored, notifications.count(), "nothing kept for the worker");
        pause(Duration.ofSeconds(1));
        assertEquals(0, graph.readsOf(message.resource()).size(), "message never fetched");
        assertTrue(lookUpTeams(message.id()).isEmpty(), "no case");
    }

    @Test
    void onlyTheItemsWithTheRightClientStateOfABatchAreTakenIn() {
        ChatMessageJson good = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId());
        ChatMessageJson forged = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId());
        graph.servesMessage(good.resource(), good.json());
        graph.servesMessage(forged.resource(), forged.json());

        Answer answer = postNotifications("{\"value\":["
                + notificationItem(forged.resource(), "created", "forged") + ","
                + notificationItem(good.resource(), "created", CLIENT_STATE) + "]}");

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", awaitCase(good.id()).get("status"));
        assertEquals(0, graph.readsOf(forged.resource()).size(), "forged item never fetched");
        assertTrue(lookUpTeams(forged.id()).isEmpty());
    }

    @Test
    void aBodyThatIsNotANotificationIsAnsweredWithoutHarm() {
        Answer garbage = exchange(HttpRequest.POST(NOTIFICATIONS_PATH, "not json at all {")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        Answer empty = exchange(HttpRequest.POST(NOTIFICATIONS_PATH, "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertTrue(garbage.status() < 500, "garbage answered " + garbage.status());
        assertEquals(202, empty.status(), empty.body());
    }

    @Test
    void notificationsNeedNoBearerButOtherIngestionDoes() {
        ChatMessageJson message = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId());

        Answer answer = publish(message);

        assertEquals(202, answer.status(), answer.body());
        assertEquals(401, exchange(HttpRequest.GET("/api/v1/cases?channel=TEAMS&externalId=" + message.id()))
                .status(), "the case look-up still wants the token");
        assertEquals("ACCEPTED", awaitCase(message.id()).get("status"));
    }
}
