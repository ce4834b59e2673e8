package com.mfadesk.intake.teams;

import com.mfadesk.testsupport.SharedDocuments;
import com.mfadesk.intake.email.DevCorpus;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.GraphTeamsStub;
import com.mfadesk.intake.support.TeamsTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dev-corpus Teams case delivered as a change notification, in the order of cases.jsonl, the way the acceptance
 * run does it: Graph serves the case's JSON at its {@code resource}, intake is told about it and looks it up. Checked
 * up to the hand-over to notify: the intake status, the thread case of a follow-up, and for accepted cases exactly
 * one hand-over with the requester, the place to answer and the text, all derived here from the corpus JSON itself.
 * (What happens after the hand-over is the acceptance run's business.)
 */
@MicronautTest(transactional = false)
class TeamsDevCorpusTest extends TeamsTestBase {

    private static final Pattern CHAT = Pattern.compile("^chats\\('([^']+)'\\)/messages\\('([^']+)'\\)$");
    private static final Pattern CHANNEL = Pattern.compile(
            "^teams\\('([^']+)'\\)/channels\\('([^']+)'\\)/messages\\('([^']+)'\\)(?:/replies\\('([^']+)'\\))?$");
    private static final Pattern EMOJI_ALT = Pattern.compile("<emoji[^>]*\\salt=\"([^\"]*)\"");
    private static final Pattern MENTION = Pattern.compile("<at[^>]*>([^<]*)</at>");

    private final DevCorpus corpus = new DevCorpus();
    /** Corpus id → the case intake gave its message. */
    private final Map<String, String> caseIds = new HashMap<>();
    private final List<String> acceptedCaseIds = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyCorpusTeamsCaseInArrivalOrder() {
        if (!corpus.isAvailable()) {
            return Stream.of(DynamicTest.dynamicTest("dev corpus not found",
                    () -> SharedDocuments.assumeAvailable(false, "shared/dev-corpus next to this clone")));
        }
        List<DevCorpus.Case> teamsCases = corpus.cases().stream().filter(c -> "TEAMS".equals(c.channel())).toList();
        Stream<DynamicTest> deliveries = Stream.of(DynamicTest.dynamicTest(
                "all " + teamsCases.size() + " notifications answered 202", () -> deliverAll(teamsCases)));
        Stream<DynamicTest> checks = teamsCases.stream().map(c -> DynamicTest.dynamicTest(
                c.id() + " " + c.expected().status() + (c.followUpOf() == null ? "" : " follow-up of " + c.followUpOf()),
                () -> check(c)));
        return Stream.of(deliveries, checks, Stream.of(DynamicTest.dynamicTest(
                "every accepted case handed over once, nothing else", this::nothingElseHandedOver)))
                .flatMap(s -> s);
    }

    /** Posted back to back like the acceptance run with several in flight: the worker keeps them in order. */
    private void deliverAll(List<DevCorpus.Case> cases) {
        for (DevCorpus.Case c : cases) {
            assertNotNull(c.resource(), c.id());
            graph.servesMessage(c.resource(), json(c));
            long start = System.nanoTime();
            Answer answer = deliver(c.resource(), c.changeType() == null ? "created" : c.changeType());
            assertEquals(202, answer.status(), c.id() + ": " + answer.body());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), c.id() + " answered too slowly");
        }
    }

    private void check(DevCorpus.Case c) {
        Map<String, Object> message = parse(json(c));
        String messageId = (String) message.get("id");
        Map<String, Object> found = awaitCase(messageId);
        String expected = c.expected().status();
        String caseId = (String) found.get("caseId");
        if ("DUPLICATE".equals(expected)) {
            assertEquals(caseIds.get(c.followUpOf() != null ? c.followUpOf() : c.id()), caseId, c.note());
            return;
        }
        assertEquals(expected, found.get("status"), c.id() + ": " + c.note());
        assertEquals(messageId, found.get("externalId"));
        caseIds.put(c.id(), caseId);
        String threadCaseId = c.followUpOf() == null ? null : caseIds.get(c.followUpOf());
        if (c.followUpOf() != null) {
            assertNotNull(threadCaseId, "the case followed up (" + c.followUpOf() + ") was checked before");
        }
        assertEquals(threadCaseId, found.get("threadCaseId"), c.id() + " thread");
        if (!"ACCEPTED".equals(expected)) {
            assertTrue(jobs.findById(caseId).isEmpty(), c.id() + " must not go down the pipeline");
            return;
        }
        acceptedCaseIds.add(caseId);

        Map<String, Object> handoff = handoverOf(caseId);
        assertEquals("TEAMS", handoff.get("channel"));
        assertEquals(threadCaseId, handoff.get("threadCaseId"), c.id() + " thread in the hand-over");

        Map<String, Object> user = object(object(message, "from"), "user");
        Map<String, Object> requester = object(handoff, "requester");
        boolean verified = "aadUser".equals(user.get("userIdentityType"))
                && GraphTeamsStub.TENANT_ID.equalsIgnoreCase(String.valueOf(user.get("tenantId")));
        assertEquals(verified, requester.get("verified"), c.id() + " verified");
        assertEquals(user.get("id"), requester.get("userId"));
        assertEquals(c.sender(), requester.get("userId"), "cases.jsonl names the same sender");
        assertEquals(user.get("displayName"), requester.get("displayName"));

        Map<String, Object> teams = object(handoff, "teams");
        assertNotNull(teams, c.id() + " has a Teams target");
        Matcher chat = CHAT.matcher(c.resource());
        Matcher channel = CHANNEL.matcher(c.resource());
        if (chat.matches()) {
            assertEquals(chat.group(1), teams.get("chatId"));
            assertNull(teams.get("teamId"));
            assertNull(teams.get("rootMessageId"));
        } else {
            assertTrue(channel.matches(), c.resource());
            assertEquals(channel.group(1), teams.get("teamId"));
            assertEquals(channel.group(2), teams.get("channelId"));
            assertEquals(channel.group(3), teams.get("rootMessageId"), "answered under the thread's root");
            assertEquals(message.get("replyToId") == null ? messageId : message.get("replyToId"),
                    teams.get("rootMessageId"));
            assertNull(teams.get("chatId"));
        }

        String html = (String) object(message, "body").get("content");
        String text = (String) handoff.get("text");
        assertNotNull(text);
        assertFalse(text.isBlank(), c.id() + " has text");
        assertFalse(text.matches("(?s).*<[a-zA-Z/][^>]*>.*"), c.id() + " markup left: " + text);
        assertFalse(text.matches("(?s).*&(#\\d+|[a-z]+);.*"), c.id() + " entity left: " + text);
        Matcher mention = MENTION.matcher(html);
        while (mention.find()) {
            assertFalse(text.contains(mention.group(1)), c.id() + " mention of " + mention.group(1) + " left: " + text);
        }
        Matcher emoji = EMOJI_ALT.matcher(html);
        while (emoji.find()) {
            assertTrue(text.contains(emoji.group(1)), c.id() + " emoji " + emoji.group(1) + " lost: " + text);
        }
    }

    private void nothingElseHandedOver() {
        SharedDocuments.assumeAvailable(corpus.isAvailable(), "shared/dev-corpus next to this clone");
        pause(Duration.ofSeconds(1));
        Eventually.await("every accepted case handed over", () -> notify.requests().size() >= acceptedCaseIds.size());
        assertEquals(acceptedCaseIds.size(), notify.requests().size(), "hand-overs");
        for (String caseId : acceptedCaseIds) {
            assertEquals(1, notify.handoffsOf(caseId).size(), caseId);
        }
        assertEquals(acceptedCaseIds.size(), guidance.requests().size(), "classifications");
    }

    private String json(DevCorpus.Case c) {
        try {
            return Files.readString(corpus.root().resolve(c.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
