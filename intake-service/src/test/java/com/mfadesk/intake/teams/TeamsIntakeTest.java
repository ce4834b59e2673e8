package com.mfadesk.intake.teams;

import com.mfadesk.intake.notifications.ChangeNotificationRepository;
import com.mfadesk.intake.notifications.ChangeNotification;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.intake.support.ChatMessageJson;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.GraphTeamsStub;
import com.mfadesk.intake.support.TeamsTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Teams messages taken in through notifications and Graph reads: threads and chats, our own and other apps' posts,
 * duplicate deliveries, Graph outages and deleted messages, and who counts as verified. Each test uses fresh
 * message ids and picks out its own requests downstream by case id or by a marker in the text.
 */
@MicronautTest(transactional = false)
class TeamsIntakeTest extends TeamsTestBase {

    private static final String MARCUS_ID = "7d1c5a39-3b0e-4d0c-9a55-5b7e0c8d1a01";
    private static final String MARCUS = "Marcus Oyelaran";

    @Inject
    ChangeNotificationRepository notifications;

    @Test
    void aChannelPostIsTakenInAndHandedOverWithItsThread() {
        String marker = marker();
        ChatMessageJson post = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>My authenticator stopped showing prompts " + marker + "</p>");

        assertEquals(202, publish(post).status());

        Map<String, Object> found = awaitCase(post.id());
        assertEquals("ACCEPTED", found.get("status"));
        assertEquals("TEAMS", found.get("channel"));
        assertEquals(post.id(), found.get("externalId"));
        assertNull(found.get("threadCaseId"));
        String caseId = (String) found.get("caseId");
        Map<String, Object> handoff = handoverOf(caseId);
        assertEquals("TEAMS", handoff.get("channel"));
        assertNull(handoff.get("threadCaseId"));
        Map<String, Object> requester = object(handoff, "requester");
        assertEquals(Boolean.TRUE, requester.get("verified"));
        assertEquals(MARCUS_ID, requester.get("userId"));
        assertEquals(MARCUS, requester.get("displayName"));
        Map<String, Object> teams = object(handoff, "teams");
        assertEquals(TEAM, teams.get("teamId"));
        assertEquals(CHANNEL, teams.get("channelId"));
        assertEquals(post.id(), teams.get("rootMessageId"));
        assertNull(teams.get("chatId"));
        assertEquals("My authenticator stopped showing prompts " + marker, handoff.get("text"));
        Map<String, Object> classification = parse(single(guidance.requestsContaining(marker)).getBodyAsString());
        assertEquals("TEAMS", classification.get("channel"));
        assertEquals(Boolean.FALSE, classification.get("followUp"));
        for (LoggedRequest read : graph.readsOf(post.resource())) {
            assertEquals("Bearer " + GraphTeamsStub.ACCESS_TOKEN, read.getHeader("Authorization"));
        }
    }

    @Test
    void aReplyInAThreadIsAFollowUpOfTheThreadsCase() {
        String first = marker();
        String second = marker();
        String third = marker();
        ChatMessageJson root = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>No SMS code today " + first + "</p>");
        publish(root);
        String rootCase = (String) awaitCase(root.id()).get("caseId");
        handoverOf(rootCase);

        ChatMessageJson reply = ChatMessageJson.channelReply(TEAM, CHANNEL, root.id(), newMessageId())
                .from(MARCUS_ID, MARCUS).html("<div><div>The office phone did not work either " + second
                        + "</div></div>");
        publish(reply);

        Map<String, Object> found = awaitCase(reply.id());
        assertEquals("ACCEPTED", found.get("status"));
        assertEquals(rootCase, found.get("threadCaseId"));
        String replyCase = (String) found.get("caseId");
        assertFalse(rootCase.equals(replyCase), "a follow-up has its own case");
        Map<String, Object> handoff = handoverOf(replyCase);
        assertEquals(rootCase, handoff.get("threadCaseId"));
        Map<String, Object> teams = object(handoff, "teams");
        assertEquals(root.id(), teams.get("rootMessageId"), "answered under the thread's root post");
        assertEquals(TEAM, teams.get("teamId"));
        assertEquals(CHANNEL, teams.get("channelId"));
        assertEquals(Boolean.TRUE, parse(single(guidance.requestsContaining(second)).getBodyAsString())
                .get("followUp"));

        // a further reply in the same thread belongs to the same first case
        ChatMessageJson again = ChatMessageJson.channelReply(TEAM, CHANNEL, root.id(), newMessageId())
                .from(MARCUS_ID, MARCUS).html("<p>Any news? " + third + "</p>");
        publish(again);
        assertEquals(rootCase, awaitCase(again.id()).get("threadCaseId"));
    }

    @Test
    void aColleaguesReplyUnderAnotherUsersPostIsACaseOfItsOwn() {
        ChatMessageJson root = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>No SMS code today " + marker() + "</p>");
        publish(root);
        awaitCase(root.id());

        ChatMessageJson colleague = ChatMessageJson.channelReply(TEAM, CHANNEL, root.id(), newMessageId())
                .from(UUID.randomUUID().toString(), "Fiona MacLeod").html("<p>same here, the fix didn't work</p>");
        publish(colleague);

        Map<String, Object> found = awaitCase(colleague.id());
        assertEquals("ACCEPTED", found.get("status"));
        assertNull(found.get("threadCaseId"), "a case about Fiona's own methods");
        assertEquals(root.id(), object(handoverOf((String) found.get("caseId")), "teams").get("rootMessageId"),
                "still answered in the thread she wrote in");
    }

    @Test
    void anotherUserInAGroupChatDoesNotContinueTheFirstUsersCase() {
        String chatId = newChatId();
        ChatMessageJson first = ChatMessageJson.chatMessage(chatId, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>hi, the sign-in code never comes</p>");
        publish(first);
        awaitCase(first.id());

        ChatMessageJson other = ChatMessageJson.chatMessage(chatId, newMessageId())
                .from(UUID.randomUUID().toString(), "Fiona MacLeod").html("<p>that did not help me either</p>");
        publish(other);

        assertNull(awaitCase(other.id()).get("threadCaseId"));
    }

    @Test
    void aLaterMessageInTheSameChatContinuesTheChatsCase() {
        String chatId = newChatId();
        String marker = marker();
        ChatMessageJson first = ChatMessageJson.chatMessage(chatId, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>hi, the sign-in code never comes</p>");
        publish(first);
        String firstCase = (String) awaitCase(first.id()).get("caseId");
        Map<String, Object> firstHandoff = handoverOf(firstCase);
        Map<String, Object> teams = object(firstHandoff, "teams");
        assertEquals(chatId, teams.get("chatId"));
        assertNull(teams.get("teamId"));
        assertNull(teams.get("rootMessageId"));
        assertNull(firstHandoff.get("threadCaseId"));

        ChatMessageJson second = ChatMessageJson.chatMessage(chatId, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>that did not help " + marker + "</p>");
        publish(second);

        Map<String, Object> found = awaitCase(second.id());
        assertEquals(firstCase, found.get("threadCaseId"));
        Map<String, Object> handoff = handoverOf((String) found.get("caseId"));
        assertEquals(firstCase, handoff.get("threadCaseId"));
        assertEquals(chatId, object(handoff, "teams").get("chatId"));
        assertEquals(Boolean.TRUE, parse(single(guidance.requestsContaining(marker)).getBodyAsString())
                .get("followUp"));
    }

    @Test
    void ourOwnReplyComingBackIsIgnoredAndNothingIsHandedOver() {
        ChatMessageJson root = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS);
        publish(root);
        String rootCase = (String) awaitCase(root.id()).get("caseId");
        handoverOf(rootCase);
        int handoversBefore = notify.requests().size();
        String marker = marker();

        ChatMessageJson ownReply = ChatMessageJson.channelReply(TEAM, CHANNEL, root.id(), newMessageId())
                .fromApplication(GraphTeamsStub.APP_ID, "MFA Desk")
                .html("<p><at id=\"0\">" + MARCUS + "</at> Choose <b>Sign in another way</b> " + marker + "</p>");
        assertEquals(202, publish(ownReply).status());

        Map<String, Object> found = awaitCase(ownReply.id());
        assertEquals("IGNORED", found.get("status"));
        assertNotHandedOver((String) found.get("caseId"), marker, handoversBefore);
    }

    @Test
    void ourOwnMessageInAChatIsIgnored() {
        String marker = marker();
        ChatMessageJson own = ChatMessageJson.chatMessage(newChatId(), newMessageId())
                .fromApplication(GraphTeamsStub.APP_ID, "MFA Desk").html("<p>Here is what to do " + marker + "</p>");
        int handoversBefore = notify.requests().size();

        publish(own);

        Map<String, Object> found = awaitCase(own.id());
        assertEquals("IGNORED", found.get("status"));
        assertNotHandedOver((String) found.get("caseId"), marker, handoversBefore);
    }

    @Test
    void anotherAppsPostASystemEventAndADeletedMessageAreIgnored() {
        String marker = marker();
        int handoversBefore = notify.requests().size();
        ChatMessageJson otherBot = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .fromApplication("0b0b0b0b-1111-4222-8333-999999999999", "Polly").html("<p>Poll " + marker + "</p>");
        ChatMessageJson systemEvent = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .messageType("systemEventMessage").html("<systemEventMessage/>");
        ChatMessageJson deleted = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>never mind " + marker + "</p>").deleted(clock.instant());

        publish(otherBot);
        publish(systemEvent);
        publish(deleted);

        for (ChatMessageJson message : List.of(otherBot, systemEvent, deleted)) {
            Map<String, Object> found = awaitCase(message.id());
            assertEquals("IGNORED", found.get("status"), message.id());
            assertNotHandedOver((String) found.get("caseId"), marker, handoversBefore);
        }
    }

    @Test
    void twoDeliveriesAndAnUpdateOfOneMessageGiveOneCaseAndOneHandover() {
        String marker = marker();
        ChatMessageJson post = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>Locked out after a new phone " + marker + "</p>");
        graph.servesMessage(post.resource(), post.json());
        String body = notification(post.resource(), "created", CLIENT_STATE);

        assertEquals(202, postNotifications(body).status());
        assertEquals(202, postNotifications(body).status());

        Map<String, Object> first = awaitCase(post.id());
        String caseId = (String) first.get("caseId");
        assertEquals("ACCEPTED", first.get("status"));
        handoverOf(caseId);
        awaitNotificationsDone(post.resource(), 2);

        // the user edits the post after we took it in: Graph sends "updated"
        graph.servesMessage(post.resource(), post.html("<p>Locked out after a new phone, please help " + marker
                + "</p>").edited(clock.instant()).json());
        assertEquals(202, deliver(post.resource(), "updated").status());
        awaitNotificationsDone(post.resource(), 3);

        Map<String, Object> again = lookUpTeams(post.id()).orElseThrow();
        assertEquals(caseId, again.get("caseId"), "still the first case");
        assertEquals("ACCEPTED", again.get("status"), "the stored status stays the first delivery's");
        pause(Duration.ofMillis(700));
        assertEquals(1, notify.handoffsOf(caseId).size(), "handed over once");
        assertEquals(1, guidance.requestsContaining(marker).size(), "classified once");
        assertEquals(1, notify.requestsContaining(marker).size(), "no second case reached notify");
    }

    @Test
    void aMessageIsTakenInOnceGraphAnswersAgain() {
        String marker = marker();
        ChatMessageJson post = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p>Authenticator shows no number " + marker + "</p>");
        // more failures in a row than the SDK's own retries (8 requests a call): the worker has to try again later
        graph.unavailableThenServes(post.resource(), 10, post.json());

        assertEquals(202, deliver(post.resource(), "created").status());

        Map<String, Object> found = awaitCase(post.id());
        assertEquals("ACCEPTED", found.get("status"));
        handoverOf((String) found.get("caseId"));
        assertEquals(11, graph.readsOf(post.resource()).size(), "10 failed reads, then one that worked");
        ChangeNotification notification = notificationsFor(post.resource()).get(0);
        assertEquals("DONE", notification.status());
        assertTrue(notification.attempts() >= 1, "rescheduled at least once");
    }

    @Test
    void aDeletedMessageGivesNoCaseAndIsNotRetried() {
        ChatMessageJson post = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS);
        graph.messageGone(post.resource());

        assertEquals(202, deliver(post.resource(), "created").status());

        awaitNotificationsDone(post.resource(), 1);
        pause(Duration.ofMillis(1500));
        assertTrue(lookUpTeams(post.id()).isEmpty(), "no case");
        assertEquals(1, graph.readsOf(post.resource()).size(), "read once, no retries");
        assertEquals("DONE", notificationsFor(post.resource()).get(0).status());
    }

    @ParameterizedTest(name = "{0} of tenant {1} -> verified {2}")
    @CsvSource(nullValues = "none", value = {
            "aadUser,              c0c0c0c0-1111-4222-8333-444444444444, true",
            "aadUser,              C0C0C0C0-1111-4222-8333-444444444444, true",
            "aadUser,              d1d1d1d1-2222-4333-8444-555555555555, false",
            "aadUser,              none,                                 false",
            "anonymousGuest,       c0c0c0c0-1111-4222-8333-444444444444, false",
            "federatedUser,        d1d1d1d1-2222-4333-8444-555555555555, false",
            "personalMicrosoftAccountUser, none,                         false",
            "none,                 c0c0c0c0-1111-4222-8333-444444444444, false"})
    void onlyAnAadUserOfOurTenantIsVerified(String identityType, String tenantId, boolean verified) {
        String userId = java.util.UUID.randomUUID().toString();
        ChatMessageJson post = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .fromUser(userId, "Guest Person", identityType, tenantId);

        publish(post);

        Map<String, Object> found = awaitCase(post.id());
        assertEquals("ACCEPTED", found.get("status"));
        Map<String, Object> requester = object(handoverOf((String) found.get("caseId")), "requester");
        assertEquals(verified, requester.get("verified"));
        assertEquals(userId, requester.get("userId"));
    }

    @Test
    void theTextLosesMentionsAndMarkupButKeepsEmojiAndLinkText() {
        String marker = marker();
        ChatMessageJson post = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId()).from(MARCUS_ID, MARCUS)
                .html("<p><at id=\"0\">MFA Desk</at>&nbsp;Hi, my code never arrives "
                        + "<emoji id=\"sweatsmile\" alt=\"\uD83D\uDE05\" title=\"Grinning face with sweat\"></emoji></p>"
                        + "<p>I opened <a href=\"https://mysignins.microsoft.com/security-info\" title=\"x\">"
                        + "Security info</a> but I&#39;m stuck " + marker + "</p>");

        publish(post);

        String text = (String) handoverOf((String) awaitCase(post.id()).get("caseId")).get("text");
        assertFalse(text.contains("MFA Desk"), text);
        assertFalse(text.contains("<") || text.contains("&nbsp;") || text.contains("&#39;"), text);
        assertTrue(text.startsWith("Hi, my code never arrives \uD83D\uDE05"), text);
        assertTrue(text.contains("I opened Security info but I'm stuck " + marker), text);
    }

    private void assertNotHandedOver(String caseId, String marker, int handoversBefore) {
        pause(Duration.ofMillis(700));
        assertTrue(jobs.findById(caseId).isEmpty(), "no pipeline job for " + caseId);
        assertEquals(0, notify.handoffsOf(caseId).size(), "never handed over");
        assertEquals(0, guidance.requestsContaining(marker).size(), "never classified");
        assertEquals(handoversBefore, notify.requests().size(), "nothing else reached notify");
    }

    private List<ChangeNotification> notificationsFor(String resource) {
        return StreamSupport.stream(notifications.findAll().spliterator(), false)
                .filter(n -> n.resource().equals(resource)).toList();
    }

    private void awaitNotificationsDone(String resource, int count) {
        Eventually.await(count + " notification(s) for " + resource + " worked off", () -> {
            List<ChangeNotification> stored = notificationsFor(resource);
            return stored.size() == count && stored.stream().allMatch(n -> !"PENDING".equals(n.status()));
        });
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertEquals(1, requests.size(), "requests: " + requests.size());
        return requests.get(0);
    }
}
