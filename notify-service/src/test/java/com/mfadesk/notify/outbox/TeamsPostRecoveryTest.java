package com.mfadesk.notify.outbox;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import com.mfadesk.notify.support.OutboxWorkers;
import com.mfadesk.testsupport.Eventually;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Graph took the Teams post but its answer never reached us: the worker died before recording it. The next try finds
 * our post in the chat (it carries the case's reference) and does not post again; a chat without it gets the post.
 */
@MicronautTest(transactional = false)
class TeamsPostRecoveryTest extends NotifyTestBase {

    private static final String USER_ID = "u-priya";

    @Override
    public Map<String, String> getProperties() {
        return OutboxWorkers.leftToWorkers(super.getProperties());
    }

    @Test
    void aWorkerKilledWhileGraphHoldsThePostDoesNotPostTwice() {
        String caseId = newCaseId();
        String chat = "19:crash-" + caseId + "@unq.gbl.spaces";
        var messages = chatMessages(caseId);
        priyaPostsAndGraphHoldsThePost(messages);
        // what the chat holds once Graph has taken the post: our message, with the case's reference in its text
        graph.stub(WireMock.get(messages).willReturn(GraphStub.okJson("{\"value\":[{\"id\":"
                + "\"1700000000777\",\"createdDateTime\":\"" + Instant.now().plusSeconds(1) + "\",\"body\":{"
                + "\"contentType\":\"html\",\"content\":\"<p>Hi Priya</p><p>MFA Desk, IT Support · case "
                + caseId.substring(0, 8) + "</p>\"}}]}")));

        runUntilPosted(caseId, chat, messages);

        try (ApplicationContext second = OutboxWorkers.start(getProperties())) {
            Eventually.await("the entry taken over and finished", Duration.ofSeconds(30),
                    () -> !graph.requests(getRequestedFor(messages)).isEmpty()
                            && OutboxWorkers.userMessagesDone(second, caseId));
            assertEquals(1, graph.requests(postRequestedFor(messages)).size(), "posted once");
        }
    }

    @Test
    void aPostThatNeverArrivedIsPostedAgain() {
        String caseId = newCaseId();
        String chat = "19:lost-" + caseId + "@unq.gbl.spaces";
        var messages = chatMessages(caseId);
        priyaPostsAndGraphHoldsThePost(messages);
        // an older message of the same case does not count: only one made since this entry was written
        graph.stub(WireMock.get(messages).willReturn(GraphStub.okJson("{\"value\":[{\"id\":"
                + "\"1700000000001\",\"createdDateTime\":\"" + Instant.now().minus(Duration.ofHours(2)) + "\",\"body\":{"
                + "\"contentType\":\"html\",\"content\":\"<p>MFA Desk, IT Support · case " + caseId.substring(0, 8)
                + "</p>\"}}]}")));

        runUntilPosted(caseId, chat, messages);

        try (ApplicationContext second = OutboxWorkers.start(getProperties())) {
            Eventually.await("the entry taken over and finished", Duration.ofSeconds(30),
                    () -> OutboxWorkers.userMessagesDone(second, caseId));
            assertEquals(2, graph.requests(postRequestedFor(messages)).size(), "posted again");
        }
    }

    /** Priya can be answered (an office phone), and Graph holds a post in the chat for 4 s before taking it. */
    private void priyaPostsAndGraphHoldsThePost(UrlPathPattern messages) {
        graph.userHasMethods("priya.nair@contoso.com", USER_ID, "Priya Nair", Methods.password(),
                Methods.mobile("+1 312 555 0117"), Methods.office("+1 312 555 0142"));
        graph.stub(WireMock.get(GraphStub.path("/v1.0/users/" + USER_ID)).willReturn(GraphStub.okJson(
                "{\"id\":\"" + USER_ID + "\",\"displayName\":\"Priya Nair\",\"mail\":\"priya.nair@contoso.com\"}")));
        graph.stub(WireMock.post(messages).willReturn(aResponse().withStatus(201).withFixedDelay(4000)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1700000000777\"}")));
    }

    /** A worker takes the case and dies while Graph holds its post. */
    private void runUntilPosted(String caseId, String chat, UrlPathPattern messages) {
        ApplicationContext first = OutboxWorkers.start(getProperties());
        try {
            HttpClient client = first.createBean(HttpClient.class, first.getBean(EmbeddedServer.class).getURL());
            client.toBlocking().exchange(HttpRequest.POST("/internal/v1/cases",
                    Handoffs.teamsChat(caseId, "no-phone-today", USER_ID, "Priya Nair", chat)).bearerAuth(TOKEN));
            Eventually.await("the post reaching Graph",
                    () -> graph.requests(postRequestedFor(messages)).size() == 1);
        } finally {
            first.stop();
        }
    }

    /** The chat's messages, however the SDK encodes the ':' and '@' of its id. */
    private static UrlPathPattern chatMessages(String caseId) {
        return urlPathMatching("/v1\\.0/chats/[^/]*" + caseId + "[^/]*/messages");
    }
}
