package com.mfadesk.notify.helpdesk;

import com.mfadesk.testsupport.Eventually;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help desk API: listing, lifecycle, Temporary Access Pass and session revocation, each audited. */
@MicronautTest(transactional = false)
class EscalationApiTest extends NotifyTestBase {

    private static final String ADELE = "adele.brennan@contoso.com";

    @Test
    void escalationsNeedAHelpdeskUser() {
        assertEquals(401, status(HttpRequest.GET("/api/v1/escalations")));
        assertEquals(401, status(HttpRequest.GET("/api/v1/escalations").basicAuth(HELPDESK_USER, "wrong")));
        assertEquals(200, status(HttpRequest.GET("/api/v1/escalations").basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
        assertEquals(401, status(HttpRequest.POST("/internal/v1/cases", "{}").basicAuth(HELPDESK_USER,
                HELPDESK_PASSWORD)), "the hand-over takes the internal token only");
    }

    @Test
    void anOpenEscalationIsListedClaimedAndResolvedWithAnAuditTrail() {
        String ref = escalate(newCaseId(), true);

        List<Map<String, Object>> open = list("OPEN");
        Map<String, Object> listed = open.stream().filter(e -> ref.equals(e.get("ref"))).findFirst().orElseThrow();
        assertEquals("NO_ALTERNATE_METHOD", listed.get("reason"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) listed.get("requester")).get("verified"));
        assertEquals(ADELE, ((Map<?, ?>) listed.get("requester")).get("address"));

        assertEquals("CLAIMED", action(ref, "claim", "{}").get("status"));
        Map<String, Object> resolved = action(ref, "resolve", "{\"note\":\"called back, reset done\"}");
        assertEquals("RESOLVED", resolved.get("status"));
        assertTrue(list("OPEN").stream().noneMatch(e -> ref.equals(e.get("ref"))));

        Map<String, Object> detail = detail(ref);
        List<?> audit = (List<?>) detail.get("audit");
        List<Object> actions = audit.stream().map(a -> ((Map<?, ?>) a).get("action")).map(Object.class::cast).toList();
        assertEquals(List.of("OPENED", "CLAIMED", "RESOLVED"), actions);
        assertEquals(HELPDESK_USER, ((Map<?, ?>) audit.get(1)).get("actor"));
    }

    @Test
    void temporaryAccessPassNeedsTheIdentityTickAndIsShownOnceNeverStored() {
        String ref = escalate(newCaseId(), true);
        graph.stub(post(urlPathMatching("/v1.0/users/u-adele/authentication/temporaryAccessPassMethods"))
                .willReturn(GraphStub.okJson("{\"id\":\"tap-1\",\"temporaryAccessPass\":\"Xk7#pQ2!vR\","
                        + "\"lifetimeInMinutes\":60,\"isUsableOnce\":false,"
                        + "\"startDateTime\":\"2026-11-25T10:00:00Z\"}").withStatus(201)));

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> tap(ref, "{\"lifetimeMinutes\":60,\"identityVerified\":false}"));
        assertEquals(409, refused.code());
        assertTrue(graph.requests(postRequestedFor(urlPathMatching(".*/temporaryAccessPassMethods"))).isEmpty());

        HttpResponse<Map<String, Object>> issued = tap(ref, "{\"lifetimeMinutes\":60,\"identityVerified\":true}");
        assertEquals(201, issued.code());
        assertEquals("Xk7#pQ2!vR", issued.body().get("temporaryAccessPass"));
        assertEquals(60, issued.body().get("lifetimeMinutes"));
        assertTrue(String.valueOf(issued.body().get("expiresAt")).startsWith("2026-11-25T11:00"));
        assertFalse(detail(ref).toString().contains("Xk7#pQ2!vR"), "the pass is not kept with the escalation");
        assertTrue(graph.mailsSent().stream().noneMatch(r -> r.getBodyAsString().contains("Xk7#pQ2!vR")));
        assertTrue(graph.replies().stream().noneMatch(r -> r.getBodyAsString().contains("Xk7#pQ2!vR")));
        assertTrue(detail(ref).toString().contains("TAP_ISSUED"));
    }

    @Test
    void unverifiedRequestersGetNoPassAndNoRevocation() {
        String ref = escalate(newCaseId(), false);

        HttpClientResponseException tap = assertThrows(HttpClientResponseException.class,
                () -> tap(ref, "{\"lifetimeMinutes\":60,\"identityVerified\":true}"));
        assertEquals(409, tap.code());
        assertEquals(409, status(HttpRequest.POST("/api/v1/escalations/" + ref + "/revoke-sessions", "{}")
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
    }

    @Test
    void revokingSessionsCallsGraphForTheRequester() {
        String ref = escalate(newCaseId(), true);
        graph.stub(post(urlPathMatching("/v1.0/users/u-adele/revokeSignInSessions"))
                .willReturn(GraphStub.okJson("{\"value\":true}")));

        assertEquals(200, status(HttpRequest.POST("/api/v1/escalations/" + ref + "/revoke-sessions", "{}")
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
        assertEquals(1, graph.requests(postRequestedFor(urlPathMatching(".*/u-adele/revokeSignInSessions"))).size());
        assertTrue(detail(ref).toString().contains("SESSIONS_REVOKED"));
    }

    @Test
    void notesAndAResolutionMessageThroughTheApi() {
        String caseId = newCaseId();
        String ref = escalate(caseId, true);

        assertEquals(201, status(HttpRequest.POST("/api/v1/escalations/" + ref + "/notes",
                "{\"text\":\"manager confirmed by phone\"}").basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
        assertEquals(400, status(HttpRequest.POST("/api/v1/escalations/" + ref + "/notes", "{\"text\":\" \"}")
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
        assertEquals("RESOLVED", action(ref, "resolve",
                "{\"note\":\"done\",\"message\":\"Your sign-in works again.\"}").get("status"));
        assertEquals(409, status(HttpRequest.POST("/api/v1/escalations/" + ref + "/resolve",
                "{\"message\":\"once more\"}").basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));

        Eventually.await("resolution message sent", () -> graph.replies("AAMk" + caseId)
                .stream().anyMatch(r -> r.getBodyAsString().contains("Your sign-in works again.")));
        assertEquals(1, graph.replies("AAMk" + caseId).stream()
                .filter(r -> r.getBodyAsString().contains("Your sign-in works again.")).count());
        String audit = detail(ref).get("audit").toString();
        assertTrue(audit.contains("NOTE") && audit.contains("manager confirmed") && audit.contains("MESSAGE_QUEUED"));
    }

    @Test
    void unknownEscalationIs404() {
        assertEquals(404, status(HttpRequest.GET("/api/v1/escalations/HD-999999")
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD)));
    }

    /** A no-phone-today case of a mobile-only user: escalated with NO_ALTERNATE_METHOD (or UNVERIFIED_SENDER). */
    private String escalate(String caseId, boolean verified) {
        graph.userHasMethods(ADELE, "u-adele", "Adele Brennan", Methods.password(), Methods.mobile("+1 425 555 0101"));
        graph.acceptsEverySend("<" + caseId + "@contoso.com>", "AAMk" + caseId);
        handOver(Handoffs.email(caseId, "no-phone-today", ADELE, "Adele Brennan", verified,
                "<" + caseId + "@contoso.com>"));
        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("ESCALATED", state.get("action"));
        return (String) state.get("escalationRef");
    }

    private List<Map<String, Object>> list(String status) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/escalations?status=" + status)
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private Map<String, Object> detail(String ref) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/escalations/" + ref)
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> action(String ref, String action, String body) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/escalations/" + ref + "/" + action, body)
                .basicAuth(HELPDESK_USER, HELPDESK_PASSWORD), Argument.mapOf(String.class, Object.class));
    }

    private HttpResponse<Map<String, Object>> tap(String ref, String body) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/escalations/" + ref + "/temporary-access-pass",
                body).basicAuth(HELPDESK_USER, HELPDESK_PASSWORD), Argument.mapOf(String.class, Object.class));
    }
}
