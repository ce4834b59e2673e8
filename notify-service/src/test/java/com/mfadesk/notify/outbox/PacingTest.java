package com.mfadesk.notify.outbox;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import com.mfadesk.testsupport.Eventually;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configured limits hold for every instance together (the database is the shared state), and a destination that
 * has to wait holds up no other: Teams answers go out while the mailbox's backlog waits its turn.
 */
@MicronautTest(transactional = false)
class PacingTest extends NotifyTestBase {

    private static final String USER = "marcus.oyelaran@contoso.com";
    /** 120 sends a minute, two at once: one every 500 ms after the first two. */
    private static final int SENDS_PER_MINUTE = 120;
    private static final int BURST = 2;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("graph.limits.mailbox-sends-per-minute", String.valueOf(SENDS_PER_MINUTE));
        properties.put("graph.limits.mailbox-send-burst", String.valueOf(BURST));
        return properties;
    }

    private void graphAnswersEverything(String graphMessageId) {
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.acceptsEverySend("<unused@contoso.com>", "AAMkUnused");
        graph.stub(WireMock.get(urlPathMatching("/v1.0/users/[^/]+/messages"))
                .willReturn(GraphStub.okJson("{\"value\":[{\"id\":\"" + graphMessageId + "\"}]}")));
    }

    @Test
    void twoInstancesTogetherSendNoFasterThanTheMailboxLimit() {
        graphAnswersEverything("AAMkPaced");
        int cases = 10;
        Map<String, Object> secondProperties = new HashMap<>(getProperties());
        secondProperties.put("micronaut.server.port", "-1");
        try (ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, secondProperties, "test")
                .getApplicationContext()) {
            List<String> caseIds = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                String caseId = newCaseId();
                caseIds.add(caseId);
                handOver(Handoffs.email(caseId, "no-phone-today", USER, "Marcus Oyelaran", true,
                        "<paced-" + i + "@contoso.com>"));
            }
            Eventually.await("every reply", Duration.ofSeconds(30), () -> graph.replies().size() >= cases);
            List<Long> sent = graph.replies().stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
            assertEquals(cases, sent.size(), "each case answered once");
            long interval = 60_000 / SENDS_PER_MINUTE;
            // n sends need at least (n - burst) intervals; slack for the time each request takes to reach WireMock
            for (int first = 0; first < sent.size(); first++) {
                for (int last = first + BURST; last < sent.size(); last++) {
                    long needed = (last - first + 1 - BURST) * interval - 150;
                    assertTrue(sent.get(last) - sent.get(first) >= needed, "sends " + first + " to " + last
                            + " within " + (sent.get(last) - sent.get(first)) + " ms: " + sent);
                }
            }
            for (String caseId : caseIds) {
                assertEquals("REPLIED", caseState(caseId).get("action"));
            }
        }
    }

    @Test
    void aWaitingMailboxHoldsUpNeitherTeamsNorTheCaseState() {
        graphAnswersEverything("AAMkBacklog");
        List<String> mailCases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String caseId = newCaseId();
            mailCases.add(caseId);
            handOver(Handoffs.email(caseId, "no-phone-today", USER, "Marcus Oyelaran", true,
                    "<backlog-" + i + "@contoso.com>"));
        }
        String teamsCase = newCaseId();
        handOver(("{\"caseId\":\"%s\",\"channel\":\"TEAMS\",\"requester\":{\"displayName\":\"Lena Whitford\","
                + "\"verified\":true,\"userId\":\"u-lena\"},\"text\":\"why do I have to do this\","
                + "\"teams\":{\"teamId\":\"T1\",\"channelId\":\"C1\",\"rootMessageId\":\"1700000000001\"},"
                + "\"guidance\":{\"scenario\":\"why-2sv\",\"confidence\":0.9,\"saysNoAlternate\":false,"
                + "\"fixAlreadyTried\":false,\"language\":\"en\",\"steps\":[\"It protects you.\"],\"sources\":[]}}")
                .formatted(teamsCase));

        Eventually.await("the Teams reply", () -> !graph.requests(postRequestedFor(
                urlPathMatching("/v1.0/teams/T1/channels/C1/messages/1700000000001/replies"))).isEmpty());
        LoggedRequest teamsReply = graph.requests(postRequestedFor(
                urlPathMatching("/v1.0/teams/T1/channels/C1/messages/1700000000001/replies"))).get(0);
        assertTrue(graph.replies().size() < mailCases.size(), "the Teams answer did not wait for the mail backlog");
        assertEquals("REPLIED", caseState(teamsCase).get("action"));
        String lastMail = mailCases.get(mailCases.size() - 1);
        assertEquals("PENDING", caseState(lastMail).get("action"), "not answered yet");

        Eventually.await("every mail answer", Duration.ofSeconds(30),
                () -> graph.replies().size() >= mailCases.size());
        LoggedRequest lastReply = graph.replies().stream()
                .max(Comparator.comparing(LoggedRequest::getLoggedDate)).orElseThrow();
        assertTrue(teamsReply.getLoggedDate().before(lastReply.getLoggedDate()));
        assertEquals(mailCases.size(), graph.replies().size());
        assertEquals("REPLIED", caseState(lastMail).get("action"));
    }
}
