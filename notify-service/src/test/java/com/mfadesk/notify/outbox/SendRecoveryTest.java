package com.mfadesk.notify.outbox;

import com.github.tomakehurst.wiremock.client.WireMock;
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
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Graph took the reply but its answer never reached us — the worker died before recording it. The next try finds
 * the mail in Sent Items (by the send key we put on it) and does not send it again.
 */
@MicronautTest(transactional = false)
class SendRecoveryTest extends NotifyTestBase {

    private static final String USER = "marcus.oyelaran@contoso.com";

    @Override
    public Map<String, String> getProperties() {
        return OutboxWorkers.leftToWorkers(super.getProperties());
    }

    @Test
    void aWorkerKilledBetweenTheGraphCallAndTheCommitDoesNotAnswerTwice() {
        String caseId = newCaseId();
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.mailFound("<crash@contoso.com>", "AAMkCrash");
        graph.stub(WireMock.post(urlPathMatching(".*/messages/AAMkCrash/reply"))
                .willReturn(aResponse().withStatus(202).withFixedDelay(4000)));
        graph.stub(WireMock.get(urlPathMatching("/v1.0/users/.*/mailFolders/sentitems/messages"))
                .withQueryParam("$filter", containing(caseId + ":USER_MESSAGE"))
                .willReturn(GraphStub.okJson("{\"value\":[{\"id\":\"AAMkSentCopy\"}]}")));

        ApplicationContext first = OutboxWorkers.start(getProperties());
        try {
            HttpClient client = first.createBean(HttpClient.class,
                    first.getBean(EmbeddedServer.class).getURL());
            client.toBlocking().exchange(HttpRequest.POST("/internal/v1/cases",
                    Handoffs.email(caseId, "no-phone-today", USER, "Marcus Oyelaran", true, "<crash@contoso.com>"))
                    .bearerAuth(TOKEN));
            Eventually.await("the reply reaching Graph", () -> graph.replies("AAMkCrash").size() == 1);
        } finally {
            first.stop();
        }

        try (ApplicationContext second = OutboxWorkers.start(getProperties())) {
            Eventually.await("the entry taken over and finished", Duration.ofSeconds(30),
                    () -> !graph.requests(getRequestedFor(urlPathMatching(".*/mailFolders/sentitems/messages")))
                            .isEmpty() && "REPLIED".equals(caseState(caseId).get("action"))
                            && OutboxWorkers.userMessagesDone(second, caseId));
            assertEquals(1, graph.replies("AAMkCrash").size(), "answered once");
            assertFalse(graph.replies("AAMkCrash").isEmpty());
        }
    }
}
