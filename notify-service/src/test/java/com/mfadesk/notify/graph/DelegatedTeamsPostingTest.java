package com.mfadesk.notify.graph;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.mfadesk.notify.graph.delegated.StoredCredentialRepository;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a support account configured, Teams answers are posted with its delegated token (refresh-token grant), the
 * rotated refresh token is kept encrypted, and everything else still uses the app's own token.
 */
@MicronautTest(transactional = false)
class DelegatedTeamsPostingTest extends NotifyTestBase {

    @Inject
    StoredCredentialRepository credentials;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("graph.delegated.refresh-token", "seed-refresh-token");
        properties.put("graph.delegated.encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
        return properties;
    }

    @Test
    void teamsAnswersArePostedAsTheSupportAccount() {
        graph.stub(post(GraphStub.path(GraphStub.TOKEN_PATH)).atPriority(1)
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(GraphStub.okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                        + "\"access_token\":\"delegated-access\",\"refresh_token\":\"rotated-refresh-token\"}")));
        graph.channelPostsAccepted();
        String caseId = newCaseId();

        handOver(("{\"caseId\":\"%s\",\"channel\":\"TEAMS\",\"requester\":{\"displayName\":\"Lena Whitford\","
                + "\"verified\":true,\"userId\":\"u-lena\"},\"text\":\"why do I have to do this\","
                + "\"teams\":{\"teamId\":\"T1\",\"channelId\":\"C1\",\"rootMessageId\":\"1700000000001\"},"
                + "\"guidance\":{\"scenario\":\"why-2sv\",\"confidence\":0.9,\"saysNoAlternate\":false,"
                + "\"fixAlreadyTried\":false,\"language\":\"en\",\"steps\":[\"It protects you.\"],\"sources\":[]}}")
                .formatted(caseId));

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the Teams reply", () -> !graph.requests(postRequestedFor(
                urlPathMatching("/v1.0/teams/T1/channels/C1/messages/1700000000001/replies"))).isEmpty());
        var reply = graph.requests(postRequestedFor(
                urlPathMatching("/v1.0/teams/T1/channels/C1/messages/1700000000001/replies"))).get(0);
        assertEquals("Bearer delegated-access", reply.getHeader("Authorization"));
        assertTrue(reply.getBodyAsString().contains("<at id=\\\"0\\\">Lena Whitford</at>"), reply.getBodyAsString());
        assertTrue(reply.getBodyAsString().contains("u-lena"), "the mention names the user: " + reply.getBodyAsString());
        assertEquals(1, graph.requests(postRequestedFor(GraphStub.path(GraphStub.TOKEN_PATH))
                .withRequestBody(containing("refresh_token=seed-refresh-token"))).size());
        String stored = credentials.findById("teams-posting").orElseThrow().ciphertext();
        assertFalse(stored.contains("rotated-refresh-token"), "stored encrypted");
        assertTrue(graph.requests(WireMock.anyRequestedFor(urlPathMatching("/v1.0/users/.*"))
                .withHeader("Authorization", equalTo("Bearer delegated-access"))).isEmpty(),
                "only Teams posts use the delegated token");
    }
}
