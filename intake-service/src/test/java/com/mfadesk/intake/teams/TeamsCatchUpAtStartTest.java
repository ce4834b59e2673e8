package com.mfadesk.intake.teams;

import com.mfadesk.intake.support.ChatMessageJson;
import com.mfadesk.intake.support.TeamsTestBase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posts made while no instance listened are found when an intake instance starts: it lists the support channel and
 * the chats it talked in lately and takes in what has no case yet, following up the right threads.
 */
@MicronautTest(transactional = false)
class TeamsCatchUpAtStartTest extends TeamsTestBase {

    @Test
    void anInstanceStartingCatchesUpOnChannelAndChatPosts() throws Exception {
        Instant now = clock.instant();
        ChatMessageJson known = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .created(now.minus(Duration.ofMinutes(10)));
        String chatId = newChatId();
        ChatMessageJson knownChat = ChatMessageJson.chatMessage(chatId, newMessageId())
                .created(now.minus(Duration.ofMinutes(10)));
        publish(known);
        publish(knownChat);
        handoverOf((String) awaitCase(known.id()).get("caseId"));
        String chatCase = (String) awaitCase(knownChat.id()).get("caseId");
        handoverOf(chatCase);

        String marker = marker();
        ChatMessageJson missed = ChatMessageJson.channelPost(TEAM, CHANNEL, newMessageId())
                .created(now.minus(Duration.ofMinutes(2))).html("<p>Missed in the channel " + marker + "</p>");
        ChatMessageJson missedChat = ChatMessageJson.chatMessage(chatId, newMessageId())
                .created(now.minus(Duration.ofMinutes(1))).html("<p>Missed in the chat " + marker + "</p>");
        ChatMessageJson ourAnswer = ChatMessageJson.chatMessage(chatId, newMessageId())
                .created(now.minus(Duration.ofMinutes(5))).fromApplication(com.mfadesk.intake.support.GraphTeamsStub
                        .APP_ID, "MFA Desk").html("<p>Our answer " + marker + "</p>");
        graph.servesMessage(missed.resource(), missed.json());
        graph.servesMessage(missedChat.resource(), missedChat.json());
        graph.servesMessage(ourAnswer.resource(), ourAnswer.json());
        graph.listsChannelMessages(TEAM, CHANNEL, List.of(missed.json(), known.json()));
        graph.listsChatMessages(chatId, List.of(missedChat.json(), ourAnswer.json(), knownChat.json()));
        int handovers = notify.requests().size();

        Map<String, Object> properties = new HashMap<>(getProperties());
        try (ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, properties, "test")
                .getApplicationContext()) {
            Map<String, Object> channelCase = awaitCase(missed.id());
            assertEquals("ACCEPTED", channelCase.get("status"));
            assertEquals(missed.id(), object(handoverOf((String) channelCase.get("caseId")), "teams")
                    .get("rootMessageId"));

            Map<String, Object> chatFollowUp = awaitCase(missedChat.id());
            assertEquals("ACCEPTED", chatFollowUp.get("status"));
            assertEquals(chatCase, chatFollowUp.get("threadCaseId"), "continues the chat's conversation");
            assertEquals(chatId, object(handoverOf((String) chatFollowUp.get("caseId")), "teams").get("chatId"));

            assertEquals("IGNORED", awaitCase(ourAnswer.id()).get("status"));
            pause(Duration.ofMillis(700));
            assertEquals(handovers + 2, notify.requests().size(), "the two missed posts, once each");
            assertTrue(second.isRunning());
        }
    }
}
