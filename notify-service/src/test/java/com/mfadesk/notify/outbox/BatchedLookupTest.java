package com.mfadesk.notify.outbox;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backlog of mail answers finds its mails together instead of one look-up each: a small one in {@code $batch}
 * calls (a look-up Graph throttled inside the batch is done again alone), a large one by listing the mailbox page by
 * page. Every case is still answered once, in its own thread.
 */
@MicronautTest(transactional = false)
class BatchedLookupTest extends NotifyTestBase {

    private static final String USER = "marcus.oyelaran@contoso.com";

    @Inject
    OutboxWorker worker;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        // the test drains the outbox itself, once the whole backlog is in
        properties.put("outbox.initial-delay", "1h");
        properties.put("outbox.poll-interval", "1h");
        // one entry at a time: the decisions are all made before the answers come due, so each round is the same
        properties.put("outbox.concurrency", "1");
        return properties;
    }

    @Test
    void aBacklogFindsItsMailsInBatches() {
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.repliesAccepted();
        graph.sendMailAccepted();
        graph.batchFindsMail("batch-3");
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            graph.mailFound("<batch-" + i + "@contoso.com>", "AAMk-batch-" + i);
            String caseId = newCaseId();
            caseIds.add(caseId);
            handOver(Handoffs.email(caseId, "no-phone-today", USER, "Marcus Oyelaran", true,
                    "<batch-" + i + "@contoso.com>"));
        }

        worker.drain();

        List<LoggedRequest> batches = graph.batches();
        int batched = batches.stream()
                .mapToInt(batch -> batch.getBodyAsString().split("\"method\":\"GET\"").length - 1).sum();
        int alone = graph.requests(getRequestedFor(urlPathMatching("/v1.0/users/[^/]+/messages"))).size();
        // decisions finish one by one, so the answers may come due in more than one round
        assertTrue(batches.size() >= 1 && batches.size() <= 3, batches.size() + " batches");
        assertTrue(alone >= 1 && alone <= 2, "the throttled look-up again alone, at most one straggler: " + alone);
        assertEquals(8 + 1, batched + alone, "each mail looked up once, the throttled one twice");
        for (int i = 0; i < 8; i++) {
            assertEquals(1, graph.replies("AAMk-batch-" + i).size(), "case " + i + " answered once in its thread");
        }
        assertEquals(8, graph.replies().size());
        assertEquals(0, graph.mailsSent().size(), "no answer fell back to a new mail");
        for (String caseId : caseIds) {
            assertEquals("REPLIED", caseState(caseId).get("action"));
        }
    }

    @Test
    void aLargeBacklogListsTheMailboxInsteadOfLookingUpEachMail() {
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.repliesAccepted();
        graph.sendMailAccepted();
        graph.batchFindsMail();
        int mails = 14;
        StringBuilder firstPage = new StringBuilder();
        StringBuilder secondPage = new StringBuilder();
        for (int i = 0; i < mails; i++) {
            StringBuilder page = i < 8 ? firstPage : secondPage;
            page.append(page.isEmpty() ? "" : ",").append("{\"id\":\"AAMk-list-").append(i)
                    .append("\",\"internetMessageId\":\"<list-").append(i).append("@contoso.com>\"}");
        }
        graph.stub(WireMock.get(urlPathMatching("/v1.0/users/[^/]+/messages")).atPriority(1)
                .withQueryParam("$filter", matching("receivedDateTime ge .*"))
                .willReturn(GraphStub.okJson("{\"value\":[" + firstPage + "],\"@odata.nextLink\":\""
                        + graph.baseUrl() + "/users/" + GraphStub.MAILBOX + "/messages?$skiptoken=page2\"}")));
        graph.stub(WireMock.get(urlPathMatching("/v1.0/users/[^/]+/messages")).atPriority(1)
                .withQueryParam("$skiptoken", equalTo("page2"))
                .willReturn(GraphStub.okJson("{\"value\":[" + secondPage + "]}")));
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            String caseId = newCaseId();
            caseIds.add(caseId);
            handOver(Handoffs.email(caseId, "no-phone-today", USER, "Marcus Oyelaran", true,
                    "<list-" + i + "@contoso.com>"));
        }

        worker.drain();

        List<LoggedRequest> lookUps = graph.requests(getRequestedFor(urlPathMatching("/v1.0/users/[^/]+/messages")));
        assertTrue(lookUps.stream().allMatch(r -> r.queryParameter("$filter").isPresent()
                        ? r.queryParameter("$filter").firstValue().startsWith("receivedDateTime ge ")
                        : r.queryParameter("$skiptoken").isPresent()),
                "only the listing, no look-up of a single mail");
        assertEquals(2, lookUps.size(), "two pages");
        assertEquals(0, graph.batches().size(), "no batch needed");
        for (int i = 0; i < mails; i++) {
            assertEquals(1, graph.replies("AAMk-list-" + i).size(), "mail " + i + " answered once in its thread");
        }
        for (String caseId : caseIds) {
            assertEquals("REPLIED", caseState(caseId).get("action"));
        }
    }
}
