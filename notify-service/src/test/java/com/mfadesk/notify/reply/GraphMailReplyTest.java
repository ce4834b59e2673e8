package com.mfadesk.notify.reply;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import com.mfadesk.testsupport.Eventually;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mail that came through Graph is answered at the mailbox id it came with: no search by Message-ID. */
@MicronautTest(transactional = false)
class GraphMailReplyTest extends NotifyTestBase {

    private static final String MARCUS = "marcus.oyelaran@contoso.com";

    @Test
    void theReplyGoesToTheGraphIdWithoutALookUp() {
        String caseId = newCaseId();
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.password(),
                Methods.mobile("+1 312 555 0117"), Methods.office("+1 312 555 0142"));
        graph.repliesAccepted();

        handOver(throughGraph(Handoffs.email(caseId, "no-phone-today", MARCUS, "Marcus Oyelaran", true,
                "<g1@contoso.com>"), "<g1@contoso.com>", "AAMkDirect1"));

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the reply", () -> graph.replies("AAMkDirect1").size() == 1);
        assertTrue(mailboxSearches().isEmpty(), "the mailbox was searched by Message-ID");
    }

    @Test
    void aMailMovedSinceItCameInIsFoundByItsMessageId() {
        String caseId = newCaseId();
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.password(),
                Methods.mobile("+1 312 555 0117"), Methods.office("+1 312 555 0142"));
        graph.acceptsEverySend("<g2@contoso.com>", "AAMkNowInArchive");
        graph.stub(WireMock.post(urlPathMatching(".*/messages/AAMkMoved/reply"))
                .willReturn(GraphStub.graphError(404, "ErrorItemNotFound")));

        handOver(throughGraph(Handoffs.email(caseId, "no-phone-today", MARCUS, "Marcus Oyelaran", true,
                "<g2@contoso.com>"), "<g2@contoso.com>", "AAMkMoved"));

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the reply at the mail's new id", () -> graph.replies("AAMkNowInArchive").size() == 1);
        assertTrue(graph.mailsSent().isEmpty(), "a reply in the thread, not a new mail");
    }

    private static String throughGraph(String handoff, String internetMessageId, String graphMessageId) {
        return handoff.replace("\"internetMessageId\":\"" + internetMessageId + "\",",
                "\"internetMessageId\":\"" + internetMessageId + "\",\"graphMessageId\":\"" + graphMessageId + "\",");
    }

    private java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> mailboxSearches() {
        return graph.requests(getRequestedFor(urlPathMatching("/v1\\.0/users/" + GraphStub.MAILBOX + "/messages"))
                .withQueryParam("$filter", WireMock.containing("internetMessageId")));
    }
}
