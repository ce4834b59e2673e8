package com.mfadesk.notify.helpdesk;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Temporary Access Pass is a once-per-escalation decision: a replayed or reloaded request shows who issued the
 * pass and when, never a second one; another needs an explicit replace, which deletes the first in Graph. Passes and
 * revocations happen only on open escalations of the acting agent, and a pass never leaves in a message or a note.
 */
@MicronautTest(transactional = false)
class PassOnceTest extends NotifyTestBase {

    private static final String ADELE = "adele.brennan@contoso.com";
    private static final String SAM = "sam.agent";
    private static final String SAM_PASSWORD = "sam-agent-password";
    private static final String PASS = "Xk7#pQ2!vR";
    private static final String TAPS = "/v1.0/users/u-adele/authentication/temporaryAccessPassMethods";

    @BeforeAll
    void secondAgent() {
        assertEquals(201, status(HttpRequest.POST("/api/v1/helpdesk/users",
                "{\"username\":\"" + SAM + "\",\"password\":\"" + SAM_PASSWORD + "\",\"role\":\"AGENT\"}")
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
    }

    @Test
    void aReplayedPassRequestShowsWhoIssuedItAndCreatesNoSecondPass() {
        String ref = escalate();
        passesAreIssued();

        assertEquals(201, tap(ref, HELPDESK_USER, HELPDESK_PASSWORD, "").code);
        Answer replay = tap(ref, HELPDESK_USER, HELPDESK_PASSWORD, "");

        assertEquals(409, replay.code, replay.body);
        assertTrue(replay.body.contains("already issued") && replay.body.contains(HELPDESK_USER), replay.body);
        assertFalse(replay.body.contains(PASS));
        assertEquals(1, graph.requests(postRequestedFor(urlPathMatching(TAPS))).size(), "one pass in Graph");
    }

    @Test
    void replacingAPassDeletesTheEarlierOneInGraphFirst() {
        String ref = escalate();
        passesAreIssued();
        graph.stub(WireMock.delete(urlPathMatching(TAPS + "/tap-1")).willReturn(WireMock.noContent()));
        assertEquals(201, tap(ref, HELPDESK_USER, HELPDESK_PASSWORD, "").code);

        Answer replaced = tap(ref, HELPDESK_USER, HELPDESK_PASSWORD, ",\"replace\":true");

        assertEquals(201, replaced.code, replaced.body);
        List<LoggedRequest> deletes = graph.requests(deleteRequestedFor(urlPathMatching(TAPS + "/tap-1")));
        List<LoggedRequest> posts = graph.requests(postRequestedFor(urlPathMatching(TAPS)));
        assertEquals(1, deletes.size());
        assertEquals(2, posts.size());
        assertTrue(deletes.get(0).getLoggedDate().compareTo(posts.get(1).getLoggedDate()) <= 0, "deleted first");
        assertTrue(detail(ref).contains("TAP_REPLACED"), detail(ref));
    }

    @Test
    void nothingIsDoneForTheUserOnAResolvedEscalation() {
        String ref = escalate();
        passesAreIssued();
        assertEquals(200, status(post(ref, "resolve", "{\"note\":\"sorted by phone\"}", HELPDESK_USER, HELPDESK_PASSWORD)));

        assertEquals(409, tap(ref, HELPDESK_USER, HELPDESK_PASSWORD, "").code);
        assertEquals(409, status(post(ref, "revoke-sessions", "{}", HELPDESK_USER, HELPDESK_PASSWORD)));
        assertTrue(graph.requests(postRequestedFor(urlPathMatching("/v1.0/users/u-adele/.*"))).isEmpty());
    }

    @Test
    void anotherAgentCannotActOnAClaimedEscalationWithoutAnAuditedTakeOver() {
        String ref = escalate();
        passesAreIssued();
        assertEquals(200, status(post(ref, "claim", "{}", HELPDESK_USER, HELPDESK_PASSWORD)));

        assertEquals(409, tap(ref, SAM, SAM_PASSWORD, "").code);
        assertEquals(409, status(post(ref, "revoke-sessions", "{}", SAM, SAM_PASSWORD)));
        assertEquals(409, status(post(ref, "resolve", "{\"note\":\"mine now\"}", SAM, SAM_PASSWORD)));
        assertEquals(409, status(post(ref, "claim", "{}", SAM, SAM_PASSWORD)), "no silent take-over");
        assertTrue(graph.requests(postRequestedFor(urlPathMatching("/v1.0/users/u-adele/.*"))).isEmpty());

        assertEquals(200, status(post(ref, "claim", "{\"takeOver\":true}", SAM, SAM_PASSWORD)));
        assertEquals(201, tap(ref, SAM, SAM_PASSWORD, "").code);
        assertTrue(detail(ref).contains("TAKEN_OVER"), detail(ref));
    }

    @Test
    void aPassNeverLeavesInAMessageOrANote() {
        String ref = escalate();
        passesAreIssued();
        assertEquals(201, tap(ref, HELPDESK_USER, HELPDESK_PASSWORD, "").code);

        assertEquals(400, status(post(ref, "resolve", "{\"message\":\"Your pass is " + PASS + " - use it now\"}",
                HELPDESK_USER, HELPDESK_PASSWORD)));
        assertEquals(400, status(post(ref, "notes", "{\"text\":\"gave her " + PASS + "\"}",
                HELPDESK_USER, HELPDESK_PASSWORD)));
        assertEquals(400, status(post(ref, "resolve", "{\"message\":\"Sign in with Qw3rTy9uZp once\"}",
                HELPDESK_USER, HELPDESK_PASSWORD)), "a pass-shaped string is refused too");
        assertFalse(detail(ref).contains(PASS));
        assertTrue(graph.replies().stream().noneMatch(r -> r.getBodyAsString().contains(PASS)));

        assertEquals(200, status(post(ref, "resolve", "{\"message\":\"You can sign in again with the pass we gave "
                + "you by phone (HD ref " + ref + ", Windows 11).\"}", HELPDESK_USER, HELPDESK_PASSWORD)));
    }

    private void passesAreIssued() {
        graph.stub(WireMock.post(urlPathMatching(TAPS)).willReturn(GraphStub.okJson("{\"id\":\"tap-1\",\"temporaryAccessPass\":\""
                + PASS.replace("\"", "") + "\",\"lifetimeInMinutes\":60,\"isUsableOnce\":false,"
                + "\"startDateTime\":\"2026-11-25T10:00:00Z\"}").withStatus(201)));
        graph.stub(WireMock.post(urlPathMatching("/v1.0/users/u-adele/revokeSignInSessions"))
                .willReturn(GraphStub.okJson("{\"value\":true}")));
    }

    private String escalate() {
        String caseId = newCaseId();
        graph.userHasMethods(ADELE, "u-adele", "Adele Brennan", Methods.password(), Methods.mobile("+1 425 555 0101"));
        graph.acceptsEverySend("<" + caseId + "@contoso.com>", "AAMk" + caseId);
        handOver(Handoffs.email(caseId, "no-phone-today", ADELE, "Adele Brennan", true, "<" + caseId + "@contoso.com>"));
        return (String) awaitDecision(caseId).get("escalationRef");
    }

    private record Answer(int code, String body) {
    }

    private Answer tap(String ref, String user, String password, String extra) {
        try {
            var response = http.toBlocking().exchange(post(ref, "temporary-access-pass",
                    "{\"lifetimeMinutes\":60,\"identityVerified\":true" + extra + "}", user, password), String.class);
            return new Answer(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private static HttpRequest<String> post(String ref, String action, String body, String user, String password) {
        return HttpRequest.POST("/api/v1/escalations/" + ref + "/" + action, body).basicAuth(user, password);
    }

    private String detail(String ref) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/escalations/" + ref)
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD), Argument.mapOf(String.class, Object.class)).toString();
    }
}
