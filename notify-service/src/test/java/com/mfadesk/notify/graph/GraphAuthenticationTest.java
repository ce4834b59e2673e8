package com.mfadesk.notify.graph;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Graph refusing a token (401) gets exactly one new token and one retry. Its own context: a cold token cache. */
@MicronautTest(transactional = false)
class GraphAuthenticationTest extends NotifyTestBase {

    @Test
    void aRejectedTokenIsReplacedOnce() {
        graph.stub(post(GraphStub.path(GraphStub.TOKEN_PATH)).atPriority(1).inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GraphStub.okJson("{\"expires_in\":3599,\"access_token\":\"revoked-token\"}"))
                .willSetStateTo("second"));
        graph.stub(post(GraphStub.path(GraphStub.TOKEN_PATH)).atPriority(1).inScenario("tokens")
                .whenScenarioStateIs("second")
                .willReturn(GraphStub.okJson("{\"expires_in\":3599,\"access_token\":\"fresh-token\"}")));
        graph.userHasMethods("marcus.oyelaran@contoso.com", "u-marcus", "Marcus Oyelaran",
                Methods.mobile("+1 312 555 0117"), Methods.office("+1 312 555 0142"));
        graph.stub(WireMock.any(urlPathMatching("/v1.0/.*")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer revoked-token"))
                .willReturn(GraphStub.graphError(401, "InvalidAuthenticationToken")));
        graph.acceptsEverySend("<auth1@contoso.com>", "AAMkAuth1");
        String caseId = newCaseId();

        handOver(Handoffs.email(caseId, "code-not-received", "marcus.oyelaran@contoso.com", "Marcus Oyelaran", true,
                "<auth1@contoso.com>"));

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the reply", () -> graph.replies("AAMkAuth1").size() == 1);
        assertEquals(2, graph.tokenRequests().size(), "one token, refused, then exactly one new token");
        // the first call of a case is the requester's directory look-up (SCENARIOS.md rule 2)
        assertEquals(1, graph.requests(getRequestedFor(urlPathMatching(".*/users/(marcus.oyelaran@contoso.com|"
                + "marcus.oyelaran%40contoso.com)")).withHeader("Authorization", equalTo("Bearer revoked-token")))
                .size(), "the refused call");
    }
}
