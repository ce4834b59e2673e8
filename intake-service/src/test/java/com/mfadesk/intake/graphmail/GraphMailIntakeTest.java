package com.mfadesk.intake.graphmail;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.intake.notifications.GraphSubscription;
import com.mfadesk.intake.notifications.GraphSubscriptionRepository;
import com.mfadesk.intake.notifications.GraphSubscriptions;
import com.mfadesk.intake.support.TeamsTestBase;
import com.mfadesk.intake.support.TestMail;
import com.mfadesk.testsupport.Eventually;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail straight from the support mailbox (MAIL_GRAPH): the Inbox subscription, notification → {@code $value} → case
 * → hand-over with the Graph id, duplicates read once, and the delta catch-up after {@code missed}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphMailIntakeTest extends TeamsTestBase {

    private static final String MAIL_PATH = "/api/v1/mail/notifications";
    private static final String MAIL_URL = "https://intake.test.contoso.com" + MAIL_PATH;
    private static final String INBOX_RESOURCE = "users/" + SUPPORT_MAILBOX + "/mailFolders('Inbox')/messages";
    private static final String MAILBOX_USER_ID = "5e5e5e5e-0000-4000-8000-00000000ma11";

    @Inject
    GraphSubscriptionRepository subscriptions;

    @Inject
    GraphSubscriptions graphSubscriptions;

    @Inject
    GraphMailConfiguration mail;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.remove("notification.url"); // Teams off: only the mailbox is watched
        properties.put("mail.graph", "true");
        properties.put("mail.notification-url", MAIL_URL);
        graph.inboxDeltaRound(SUPPORT_MAILBOX, null, List.of(), "after-baseline");
        return properties;
    }

    @BeforeEach
    void baselineFirst() {
        // the first start's catch-up sets the baseline: an empty first round of the Inbox's delta
        Eventually.await("the baseline delta round", () -> !graph.inboxDeltaReads(SUPPORT_MAILBOX).isEmpty());
    }

    @Test
    @Order(1)
    void subscribesToTheSupportInboxWithItsOwnNotificationUrl() {
        List<LoggedRequest> creations = graph.subscriptionCreations();
        assertEquals(1, creations.size(), "one subscription: the Inbox (Teams is off)");
        Map<String, Object> body = parse(creations.get(0).getBodyAsString());
        assertEquals(INBOX_RESOURCE, body.get("resource"));
        assertEquals("created", body.get("changeType"));
        assertEquals(MAIL_URL, body.get("notificationUrl"));
        assertEquals(MAIL_URL, body.get("lifecycleNotificationUrl"));
        assertEquals(CLIENT_STATE, body.get("clientState"));
    }

    @Test
    @Order(1)
    void theBaselineAsksOnlyForMailFromNowOn() {
        String first = URLDecoder.decode(graph.inboxDeltaReads(SUPPORT_MAILBOX).get(0).getUrl(),
                StandardCharsets.UTF_8);
        assertTrue(first.contains("$filter=receivedDateTime ge "), first);
        // whole seconds: Graph's DateTimeOffset takes at most seven fractional digits
        assertTrue(first.matches(".*receivedDateTime ge \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ(&.*)?$"), first);
    }

    @Test
    void answersTheHandshakeWithoutABearerToken() {
        Answer answer = exchange(HttpRequest.POST(MAIL_PATH + "?validationToken=Validation%3A%20mail%201", "")
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        assertEquals(200, answer.status());
        assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
        assertEquals("Validation: mail 1", answer.body());
    }

    @Test
    void aNotifiedMailIsReadOnceByItsValueAndHandedOverWithItsGraphId() {
        TestMail mail = TestMail.from("alex@contoso.com").subject("code never arrives " + marker());
        String graphId = newGraphId();
        graph.mailboxServes(SUPPORT_MAILBOX, graphId, mail.bytes());

        assertEquals(202, notifyMail(graphId, CLIENT_STATE).status());
        String externalId = mail.messageId().substring(1, mail.messageId().length() - 1);
        Eventually.await("the mail's case", () -> lookUpEmail(externalId).isPresent());
        Map<String, Object> found = lookUpEmail(externalId).orElseThrow();
        assertEquals("ACCEPTED", found.get("status"));
        Map<String, Object> handoff = handoverOf((String) found.get("caseId"));
        assertEquals(graphId, handoff.get("graphMessageId"));
        assertEquals(mail.messageId(), handoff.get("internetMessageId"));

        // Graph delivers the same notification again: the mail is known by its id and not read a second time
        assertEquals(202, notifyMail(graphId, CLIENT_STATE).status());
        pause(java.time.Duration.ofMillis(600));
        assertEquals(1, graph.mailReads(SUPPORT_MAILBOX, graphId).size());
        assertEquals(1, notify.handoffsOf((String) found.get("caseId")).size());
    }

    @Test
    void theSameMailDeliveredTwiceIsADuplicate() {
        TestMail mail = TestMail.from("sam@contoso.com").subject("left my phone at home " + marker());
        String first = newGraphId();
        String second = newGraphId();
        graph.mailboxServes(SUPPORT_MAILBOX, first, mail.bytes());
        graph.mailboxServes(SUPPORT_MAILBOX, second, mail.bytes());
        notifyMail(first, CLIENT_STATE);
        String externalId = mail.messageId().substring(1, mail.messageId().length() - 1);
        Eventually.await("the mail's case", () -> lookUpEmail(externalId).isPresent());
        notifyMail(second, CLIENT_STATE);
        Eventually.await("the second delivery read", () -> !graph.mailReads(SUPPORT_MAILBOX, second).isEmpty());
        String caseId = (String) lookUpEmail(externalId).orElseThrow().get("caseId");
        pause(java.time.Duration.ofMillis(600));
        assertEquals(1, notify.handoffsOf(caseId).size(), "one answer for one Message-ID");
    }

    @Test
    void aWrongClientStateIsNeverRead() {
        String graphId = newGraphId();
        graph.mailboxServes(SUPPORT_MAILBOX, graphId, TestMail.from("eve@contoso.com").bytes());
        assertEquals(202, notifyMail(graphId, "not-the-client-state").status());
        pause(java.time.Duration.ofMillis(600));
        assertTrue(graph.mailReads(SUPPORT_MAILBOX, graphId).isEmpty());
    }

    @Test
    @Order(10)
    void aMissedNotificationIsCaughtUpThroughTheStoredDeltaLinkWithoutADuplicate() {
        // the baseline round ended with the deltaLink "after-baseline" (see inboxDeltaRound in the stub's setup)
        TestMail notified = TestMail.from("kim@contoso.com").subject("my phone was stolen " + marker());
        TestMail missed = TestMail.from("lee@contoso.com").subject("the code never arrives " + marker());
        String notifiedId = newGraphId();
        String missedId = newGraphId();
        graph.mailboxServes(SUPPORT_MAILBOX, notifiedId, notified.bytes());
        graph.mailboxServes(SUPPORT_MAILBOX, missedId, missed.bytes());
        notifyMail(notifiedId, CLIENT_STATE);
        String notifiedExternal = notified.messageId().substring(1, notified.messageId().length() - 1);
        Eventually.await("the notified mail's case", () -> lookUpEmail(notifiedExternal).isPresent());

        graph.inboxDeltaRound(SUPPORT_MAILBOX, "after-baseline", List.of(
                deltaItem(notifiedId, notified.messageId()), deltaItem(missedId, missed.messageId())), "round-2");
        assertEquals(202, postMailNotifications(lifecycle("missed")).status());

        String missedExternal = missed.messageId().substring(1, missed.messageId().length() - 1);
        Eventually.await("the missed mail's case", () -> lookUpEmail(missedExternal).isPresent());
        assertEquals(1, graph.mailReads(SUPPORT_MAILBOX, notifiedId).size(), "a mail already taken in is not read");
        assertEquals(1, graph.mailReads(SUPPORT_MAILBOX, missedId).size());
        assertTrue(graph.inboxDeltaReads(SUPPORT_MAILBOX).stream()
                .anyMatch(r -> r.getUrl().contains("$deltatoken=after-baseline")), "resumed from the stored link");

        // the next gap resumes from the link the last round ended with
        graph.inboxDeltaRound(SUPPORT_MAILBOX, "round-2", List.of(), "round-3");
        postMailNotifications(lifecycle("missed"));
        Eventually.await("the second round", () -> graph.inboxDeltaReads(SUPPORT_MAILBOX).stream()
                .anyMatch(r -> r.getUrl().contains("$deltatoken=round-2")));
    }

    @Test
    @Order(2)
    void aMovedMailIsLeftToTheNextCatchUp() {
        String graphId = newGraphId();
        graph.mailboxLost(SUPPORT_MAILBOX, graphId);
        notifyMail(graphId, CLIENT_STATE);
        Eventually.await("the read", () -> !graph.mailReads(SUPPORT_MAILBOX, graphId).isEmpty());
        pause(java.time.Duration.ofMillis(600));
        assertEquals(1, graph.mailReads(SUPPORT_MAILBOX, graphId).size(), "a 404 is not retried");
        assertFalse(cases.existsByGraphMessageId(graphId));
    }

    @Test
    @Order(20)
    void theInboxSubscriptionIsRenewedBeforeItExpiresAndAGraphForgotIsMadeAnewWithACatchUp() {
        GraphSubscription inbox = subscriptions.findByResource(INBOX_RESOURCE).orElseThrow();
        testClock().advance(Duration.between(clock.instant(), inbox.expiresAt().minus(mail.renewBefore()))
                .plus(Duration.ofMinutes(1)));
        graphSubscriptions.renewDue();
        assertEquals(1, graph.renewalsOf(inbox.id()).size(), "renewed by the lease holder");
        GraphSubscription renewed = subscriptions.findById(inbox.id()).orElseThrow();
        assertTrue(renewed.expiresAt().isAfter(inbox.expiresAt()), "a new expiry: " + renewed.expiresAt());

        graph.subscriptionGone(inbox.id());
        testClock().advance(Duration.between(clock.instant(), renewed.expiresAt().minus(mail.renewBefore()))
                .plus(Duration.ofMinutes(1)));
        int creations = graph.subscriptionCreations().size();
        int deltaReads = graph.inboxDeltaReads(SUPPORT_MAILBOX).size();
        graph.inboxDeltaRound(SUPPORT_MAILBOX, "round-3", List.of(), "round-4");
        graphSubscriptions.renewDue();
        assertEquals(creations + 1, graph.subscriptionCreations().size(), "made anew");
        assertEquals(INBOX_RESOURCE, parse(graph.subscriptionCreations().get(creations).getBodyAsString())
                .get("resource"));
        assertTrue(graph.inboxDeltaReads(SUPPORT_MAILBOX).size() > deltaReads, "the gap caught up");
    }

    private Answer notifyMail(String graphId, String clientState) {
        String resource = "Users/" + MAILBOX_USER_ID + "/Messages/" + graphId;
        return postMailNotifications("{\"value\":[{\"subscriptionId\":\"" + UUID.randomUUID() + "\","
                + "\"changeType\":\"created\",\"clientState\":\"" + clientState + "\",\"resource\":\"" + resource
                + "\",\"resourceData\":{\"@odata.type\":\"#Microsoft.Graph.Message\",\"id\":\"" + graphId + "\"}}]}");
    }

    private String lifecycle(String event) {
        return "{\"value\":[{\"subscriptionId\":\"" + UUID.randomUUID() + "\",\"clientState\":\"" + CLIENT_STATE
                + "\",\"lifecycleEvent\":\"" + event + "\"}]}";
    }

    private Answer postMailNotifications(String body) {
        return exchange(HttpRequest.POST(MAIL_PATH, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private static String deltaItem(String graphId, String internetMessageId) {
        return "{\"@odata.type\":\"#microsoft.graph.message\",\"id\":\"" + graphId + "\",\"internetMessageId\":\""
                + internetMessageId + "\",\"receivedDateTime\":\"" + Instant.now() + "\"}";
    }

    private static String newGraphId() {
        return "AAMkAD" + UUID.randomUUID().toString().replace("-", "") + "AAA=";
    }
}
