package com.mfadesk.notify.outbox;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import com.mfadesk.testsupport.Eventually;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a 429 on the support mailbox, other answers for that mailbox — on any instance — wait out the Retry-After
 * instead of hitting the limit again. (The instance that met the 429 sleeps in the SDK's retry; a second instance
 * is the one that would otherwise send.)
 */
@MicronautTest(transactional = false)
class SendThrottleTest extends NotifyTestBase {

    private static final String USER = "marcus.oyelaran@contoso.com";

    @Inject
    SendThrottle throttle;

    @Test
    void aThrottledMailboxMakesTheNextAnswerWait() throws InterruptedException {
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.mailFound("<throttle-a@contoso.com>", "AAMkThrottleA");
        graph.mailFound("<throttle-b@contoso.com>", "AAMkThrottleB");
        graph.stub(WireMock.post(urlPathMatching(".*/messages/AAMkThrottleA/reply")).atPriority(1).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4")).willSetStateTo("open"));
        graph.stub(WireMock.post(urlPathMatching(".*/messages/AAMkThrottleA/reply")).atPriority(1).inScenario("limit")
                .whenScenarioStateIs("open").willReturn(aResponse().withStatus(202)));
        graph.repliesAccepted();

        handOver(Handoffs.email(newCaseId(), "no-phone-today", USER, "Marcus Oyelaran", true,
                "<throttle-a@contoso.com>"));
        String mailbox = Destinations.mailbox(GraphStub.MAILBOX);
        Eventually.await("the mailbox blocked", () -> throttle.blockedUntil(mailbox).isPresent());
        Instant blockedUntil = throttle.blockedUntil(mailbox).orElseThrow();

        Map<String, Object> secondProperties = new HashMap<>(getProperties());
        secondProperties.put("micronaut.server.port", "-1");
        try (ApplicationContext second = ApplicationContext.run(EmbeddedServer.class, secondProperties, "test")
                .getApplicationContext()) {
            handOver(Handoffs.email(newCaseId(), "no-phone-today", USER, "Marcus Oyelaran", true,
                    "<throttle-b@contoso.com>"));
            Thread.sleep(1500);
            assertTrue(graph.replies("AAMkThrottleB").isEmpty(), "the second answer waits for the mailbox");

            Eventually.await("both answers", () -> graph.replies("AAMkThrottleB").size() == 1
                    && graph.replies("AAMkThrottleA").size() == 2);
            Instant sentB = graph.replies("AAMkThrottleB").get(0).getLoggedDate().toInstant();
            assertFalse(sentB.isBefore(blockedUntil.minusSeconds(1)),
                    "sent at " + sentB + ", blocked until " + blockedUntil);
            assertEquals(1, graph.replies("AAMkThrottleB").size());
        }
    }
}
