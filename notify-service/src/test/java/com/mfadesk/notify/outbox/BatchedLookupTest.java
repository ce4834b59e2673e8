package com.mfadesk.notify.outbox;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backlog of mail answers finds its mails in {@code $batch} calls instead of one look-up each; a look-up Graph
 * throttled inside the batch is done again alone, and every case is still answered once, in its own thread.
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
        return properties;
    }

    @Test
    void aBacklogFindsItsMailsInBatches() {
        graph.userHasMethods(USER, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.repliesAccepted();
        graph.sendMailAccepted();
        graph.batchFindsMail("batch-3");
        graph.mailFound("<batch-3@contoso.com>", "AAMk-batch-3");
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
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
}
