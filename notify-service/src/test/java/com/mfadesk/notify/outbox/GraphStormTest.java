package com.mfadesk.notify.outbox;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import com.mfadesk.testsupport.Eventually;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graph throttles the mailbox for a while, then fails with 503s, then recovers: every case is answered, none twice,
 * none lost. Graph's answers are scripted by count: 6 × 429, 6 × 503 (each with Retry-After 1), then 202.
 */
@MicronautTest(transactional = false)
class GraphStormTest extends NotifyTestBase {

    private static final int CASES = 30;
    private static final String USER = "marcus.oyelaran@contoso.com";
    private static final Pattern CASE_HEADER = Pattern.compile("\"X-MFA-Desk-Case\",\"value\":\"([^\"]+)\"");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("outbox.max-backoff", "2s");
        return properties;
    }

    @Test
    void everyCaseIsAnsweredOnceThroughThrottlingAndAnOutage() {
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.channelPostsAccepted();
        graph.sendMailAccepted();
        graph.stub(WireMock.get(urlPathMatching("/v1.0/users/[^/]+/messages"))
                .willReturn(GraphStub.okJson("{\"value\":[{\"id\":\"AAMkStorm\"}]}")));
        String state = Scenario.STARTED;
        for (int i = 0; i < 12; i++) {
            String next = "failure-" + (i + 1);
            graph.stub(WireMock.post(urlPathMatching(".*/messages/AAMkStorm/reply")).inScenario("storm")
                    .whenScenarioStateIs(state)
                    .willReturn(i < 6 ? aResponse().withStatus(429).withHeader("Retry-After", "1")
                            : GraphStub.graphError(503, "ServiceUnavailable").withHeader("Retry-After", "1"))
                    .willSetStateTo(next));
            state = next;
        }
        graph.stub(WireMock.post(urlPathMatching(".*/messages/AAMkStorm/reply")).inScenario("storm")
                .whenScenarioStateIs(state).willReturn(aResponse().withStatus(202)));

        for (int i = 0; i < CASES; i++) {
            handOver(Handoffs.email(newCaseId(), "no-phone-today", USER, "Marcus Oyelaran", true,
                    "<storm-" + i + "@contoso.com>"));
        }

        Eventually.await("every case answered", Duration.ofMinutes(2), () -> accepted().size() == CASES);
        assertEquals(CASES, graph.replies("AAMkStorm", 202).size(), "exactly one accepted reply per case");
        int refused = graph.replies("AAMkStorm", 429).size() + graph.replies("AAMkStorm", 503).size();
        // concurrent requests may both meet one scripted state, so a refusal can come twice; no other answer exists
        assertTrue(refused >= 12, "the scripted refusals were met: " + refused);
        assertEquals(CASES + refused, graph.replies("AAMkStorm").size(), "every try was refused or accepted");
    }

    /** Cases whose reply Graph accepted. */
    private Set<String> accepted() {
        Set<String> cases = new HashSet<>();
        for (LoggedRequest reply : graph.replies("AAMkStorm", 202)) {
            Matcher matcher = CASE_HEADER.matcher(reply.getBodyAsString());
            if (matcher.find()) {
                cases.add(matcher.group(1));
            }
        }
        return cases;
    }
}
