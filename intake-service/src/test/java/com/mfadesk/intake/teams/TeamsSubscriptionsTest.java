package com.mfadesk.intake.teams;

import com.mfadesk.intake.notifications.GraphSubscriptionRepository;
import com.mfadesk.intake.notifications.GraphSubscriptions;
import com.mfadesk.intake.notifications.GraphSubscription;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.intake.support.ChatMessageJson;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.GraphTeamsStub;
import com.mfadesk.intake.support.TeamsTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graph subscriptions: one per support channel and one for the chats the app is installed in, made once intake
 * serves; lifecycle notifications ({@code subscriptionRemoved} → re-created and what was posted meanwhile recovered
 * by catching up; {@code reauthorizationRequired} → renewed); a lifecycle notification with a wrong client state is
 * dropped like any other.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsSubscriptionsTest extends TeamsTestBase {

    /** Graph's limit for chatMessage subscriptions. */
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(4320);

    @Inject
    GraphSubscriptionRepository subscriptions;

    @Inject
    GraphSubscriptions teamsSubscriptions;

    @Inject
    TeamsConfiguration teams;

    @Test
    @Order(1)
    void atStartIntakeSubscribesToEachChannelAndToTheInstalledChats() {
        awaitStartupSubscriptions();

        List<LoggedRequest> creations = graph.subscriptionCreations();
        assertEquals(2, creations.size(), "one for the channel, one for the chats");
        Set<String> resources = creations.stream().map(r -> (String) parse(r.getBodyAsString()).get("resource"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(CHANNEL_SUBSCRIPTION_RESOURCE, CHATS_SUBSCRIPTION_RESOURCE), resources);
        for (LoggedRequest creation : creations) {
            assertEquals("Bearer " + GraphTeamsStub.ACCESS_TOKEN, creation.getHeader("Authorization"));
            Map<String, Object> body = parse(creation.getBodyAsString());
            assertEquals("created,updated", body.get("changeType"));
            assertEquals(NOTIFICATION_URL, body.get("notificationUrl"));
            assertEquals(NOTIFICATION_URL, body.get("lifecycleNotificationUrl"));
            assertEquals(CLIENT_STATE, body.get("clientState"));
            assertExpiryWithinGraphsLimit(body);
        }
        for (String resource : resources) {
            GraphSubscription stored = subscriptions.findByResource(resource).orElseThrow();
            assertTrue(stored.expiresAt().isAfter(clock.instant().plus(Duration.ofHours(2))), resource);
        }
    }

    @Test
    @Order(2)
    void aRemovedSubscriptionIsReCreatedAndAPostMadeMeanwhileIsRecovered() {
        awaitStartupSubscriptions();
        ChatMessageJson before = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .created(clock.instant().minus(Duration.ofMinutes(1)));
        publish(before);
        String beforeCase = (String) awaitCase(before.id()).get("caseId");
        handoverOf(beforeCase);
        GraphSubscription removed = subscriptions.findByResource(CHANNEL_SUBSCRIPTION_RESOURCE).orElseThrow();
        GraphSubscription chats = subscriptions.findByResource(CHATS_SUBSCRIPTION_RESOURCE).orElseThrow();
        int creations = graph.subscriptionCreations().size();

        // while the subscription is gone a user posts: no notification comes, but the channel lists it
        String marker = marker();
        ChatMessageJson missed = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .created(clock.instant()).html("<p>Posted while nobody listened " + marker + "</p>");
        ChatMessageJson old = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .created(clock.instant().minus(Duration.ofDays(2))).html("<p>Old history, never answer</p>");
        ChatMessageJson missedReply = ChatMessageJson.channelReply(TEAM, CHANNEL, before.id(), newMessageId())
                .created(clock.instant()).html("<p>And a reply nobody heard of " + marker + "</p>");
        graph.servesMessage(missed.resource(), missed.json());
        graph.servesMessage(old.resource(), old.json());
        graph.servesMessage(missedReply.resource(), missedReply.json());
        graph.listsChannelMessages(TEAM, CHANNEL, List.of(missed.json(), before.json(), old.json()));
        graph.listsReplies(TEAM, CHANNEL, before.id(), List.of(missedReply.json()));

        Answer answer = postNotifications(lifecycleNotification("subscriptionRemoved", removed.id(), CLIENT_STATE));

        assertEquals(202, answer.status(), answer.body());
        Eventually.await("the channel subscription re-created",
                () -> graph.subscriptionCreations().size() == creations + 1);
        Map<String, Object> recreated = parse(graph.subscriptionCreations().get(creations).getBodyAsString());
        assertEquals(CHANNEL_SUBSCRIPTION_RESOURCE, recreated.get("resource"));
        assertEquals(NOTIFICATION_URL, recreated.get("notificationUrl"));
        assertEquals(NOTIFICATION_URL, recreated.get("lifecycleNotificationUrl"));
        assertEquals(CLIENT_STATE, recreated.get("clientState"));
        assertEquals("created,updated", recreated.get("changeType"));
        assertExpiryWithinGraphsLimit(recreated);
        Eventually.await("the new subscription stored", () -> subscriptions.findByResource(
                CHANNEL_SUBSCRIPTION_RESOURCE).map(s -> !s.id().equals(removed.id())).orElse(false));
        assertTrue(subscriptions.findById(removed.id()).isEmpty(), "the removed one is forgotten");
        assertEquals(chats.id(), subscriptions.findByResource(CHATS_SUBSCRIPTION_RESOURCE).orElseThrow().id(),
                "the chats' subscription is untouched");

        Map<String, Object> found = awaitCase(missed.id());
        assertEquals("ACCEPTED", found.get("status"));
        Map<String, Object> handoff = handoverOf((String) found.get("caseId"));
        assertEquals(missed.id(), object(handoff, "teams").get("rootMessageId"));
        assertTrue(((String) handoff.get("text")).contains(marker));
        assertTrue(graph.channelListings(TEAM, CHANNEL).size() >= 1, "the channel was listed");
        Map<String, Object> reply = awaitCase(missedReply.id());
        assertEquals("ACCEPTED", reply.get("status"));
        assertEquals(beforeCase, reply.get("threadCaseId"), "the missed reply follows up the thread's case");
        assertEquals(before.id(), object(handoverOf((String) reply.get("caseId")), "teams").get("rootMessageId"));
        pause(Duration.ofMillis(500));
        assertTrue(lookUpTeams(old.id()).isEmpty(), "history from before the newest known message is left alone");
        assertEquals(0, graph.readsOf(old.resource()).size());
        assertEquals(1, notify.handoffsOf(beforeCase).size(), "the known post is not taken in again");
        assertEquals(1, graph.subscriptionCreations().size() - creations, "only the removed one re-created");
    }

    /**
     * Catching up starts from the newest message already seen, in Teams time: a post whose notification arrived late
     * (Graph retries for hours) must not hide an earlier post whose notification was lost.
     */
    @Test
    @Order(3)
    void aPostOlderThanALateDeliveryIsStillRecovered() {
        awaitStartupSubscriptions();
        Instant now = clock.instant();
        ChatMessageJson late = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .created(now.minus(Duration.ofMinutes(30)));
        String marker = marker();
        ChatMessageJson lost = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .created(now.minus(Duration.ofMinutes(20))).html("<p>Posted during the outage " + marker + "</p>");
        publish(late);
        handoverOf((String) awaitCase(late.id()).get("caseId"));
        graph.servesMessage(lost.resource(), lost.json());
        graph.listsChannelMessages(TEAM, CHANNEL, List.of(lost.json(), late.json()));
        GraphSubscription removed = subscriptions.findByResource(CHANNEL_SUBSCRIPTION_RESOURCE).orElseThrow();

        postNotifications(lifecycleNotification("subscriptionRemoved", removed.id(), CLIENT_STATE));

        Map<String, Object> found = awaitCase(lost.id());
        assertEquals("ACCEPTED", found.get("status"));
        assertTrue(((String) handoverOf((String) found.get("caseId")).get("text")).contains(marker));
    }

    @Test
    @Order(4)
    void reauthorizationRequiredRenewsThatSubscription() {
        awaitStartupSubscriptions();
        GraphSubscription chats = subscriptions.findByResource(CHATS_SUBSCRIPTION_RESOURCE).orElseThrow();
        int renewals = graph.renewalsOf(chats.id()).size();
        int allRenewals = graph.subscriptionRenewals().size();
        int creations = graph.subscriptionCreations().size();

        Answer answer = postNotifications(lifecycleNotification("reauthorizationRequired", chats.id(), CLIENT_STATE));

        assertEquals(202, answer.status(), answer.body());
        Eventually.await("the chats' subscription renewed", () -> graph.renewalsOf(chats.id()).size() == renewals + 1);
        Map<String, Object> body = parse(graph.renewalsOf(chats.id()).get(renewals).getBodyAsString());
        Instant requested = assertExpiryWithinGraphsLimit(body);
        assertTrue(!requested.isBefore(chats.expiresAt()), "not earlier than before");
        pause(Duration.ofMillis(300));
        assertEquals(allRenewals + 1, graph.subscriptionRenewals().size(), "only that one renewed");
        assertEquals(creations, graph.subscriptionCreations().size(), "nothing re-created");
        assertEquals(chats.id(), subscriptions.findByResource(CHATS_SUBSCRIPTION_RESOURCE).orElseThrow().id());
    }

    @Test
    @Order(5)
    void aLifecycleNotificationWithAWrongClientStateIsDropped() {
        awaitStartupSubscriptions();
        GraphSubscription channel = subscriptions.findByResource(CHANNEL_SUBSCRIPTION_RESOURCE).orElseThrow();
        int creations = graph.subscriptionCreations().size();
        int renewals = graph.subscriptionRenewals().size();

        Answer removed = postNotifications(lifecycleNotification("subscriptionRemoved", channel.id(), "forged"));
        Answer reauthorize = postNotifications(lifecycleNotification("reauthorizationRequired", channel.id(), null));

        assertEquals(202, removed.status());
        assertEquals(202, reauthorize.status());
        pause(Duration.ofSeconds(1));
        assertEquals(creations, graph.subscriptionCreations().size());
        assertEquals(renewals, graph.subscriptionRenewals().size());
        assertNotEquals(null, subscriptions.findById(channel.id()).orElse(null), "still known");
    }

    /** Graph dropped a subscription without telling us: found at renewal, re-created, and the gap caught up. */
    @Test
    @Order(6)
    void aSubscriptionGraphForgotIsReCreatedAtRenewalAndTheGapCaughtUp() {
        awaitStartupSubscriptions();
        ChatMessageJson known = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId());
        publish(known);
        handoverOf((String) awaitCase(known.id()).get("caseId"));
        GraphSubscription channel = subscriptions.findByResource(CHANNEL_SUBSCRIPTION_RESOURCE).orElseThrow();
        graph.subscriptionGone(channel.id());
        testClock().advance(Duration.between(clock.instant(), channel.expiresAt().minus(teams.renewBefore()))
                .plus(Duration.ofMinutes(1)));
        String marker = marker();
        ChatMessageJson missed = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .created(clock.instant().minus(Duration.ofMinutes(1))).html("<p>Nobody answers " + marker + "</p>");
        graph.servesMessage(missed.resource(), missed.json());
        graph.listsChannelMessages(TEAM, CHANNEL, List.of(missed.json(), known.json()));
        int creations = graph.subscriptionCreations().size();
        int patches = graph.renewalsOf(channel.id()).size();

        teamsSubscriptions.renewDue();

        assertEquals(patches + 1, graph.renewalsOf(channel.id()).size(), "tried to renew it first");
        assertEquals(creations + 1, graph.subscriptionCreations().size(), "re-created");
        assertEquals(CHANNEL_SUBSCRIPTION_RESOURCE,
                parse(graph.subscriptionCreations().get(creations).getBodyAsString()).get("resource"));
        assertNotEquals(channel.id(), subscriptions.findByResource(CHANNEL_SUBSCRIPTION_RESOURCE).orElseThrow().id());
        Map<String, Object> found = awaitCase(missed.id());
        assertEquals("ACCEPTED", found.get("status"));
        assertTrue(((String) handoverOf((String) found.get("caseId")).get("text")).contains(marker));
    }

    private void awaitStartupSubscriptions() {
        Eventually.await("both subscriptions stored",
                () -> subscriptions.findByResource(CHANNEL_SUBSCRIPTION_RESOURCE).isPresent()
                        && subscriptions.findByResource(CHATS_SUBSCRIPTION_RESOURCE).isPresent());
    }

    /** In the future, and within Graph's 4,320 minutes for chatMessage subscriptions. */
    private Instant assertExpiryWithinGraphsLimit(Map<String, Object> body) {
        Instant expires = OffsetDateTime.parse((String) body.get("expirationDateTime")).toInstant();
        Instant now = clock.instant();
        assertTrue(expires.isAfter(now.plus(Duration.ofHours(1))), "expires " + expires + ", now " + now);
        assertTrue(!expires.isAfter(now.plus(MAX_LIFETIME)), "expires " + expires + " beyond 4320 minutes");
        return expires;
    }
}
