package com.mfadesk.intake.email;

import com.mfadesk.testsupport.SharedDocuments;
import com.mfadesk.intake.pipeline.PipelineJob;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.RawHeaders;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dev-corpus email posted through HTTP in the order of cases.jsonl (duplicates and follow-ups refer to earlier
 * cases, so the order matters and the cases share one database): the answer's code and status, the case look-up, and
 * a follow-up's thread case. Finally every accepted case has reached notify exactly once and no other has.
 */
@MicronautTest(transactional = false)
class DevCorpusIntakeTest extends IntakeTestBase {

    private final DevCorpus corpus = new DevCorpus();
    /** Corpus id → the case intake gave it (the first one's, for a duplicate). */
    private final Map<String, String> caseIds = new HashMap<>();
    /** Corpus file → the case of its first delivery. */
    private final Map<String, String> caseIdsByFile = new HashMap<>();
    private final List<String> acceptedCaseIds = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyCorpusEmailInArrivalOrder() {
        if (!corpus.isAvailable()) {
            return Stream.of(DynamicTest.dynamicTest("dev corpus not found",
                    () -> SharedDocuments.assumeAvailable(false, "shared/dev-corpus next to this clone")));
        }
        Stream<DynamicTest> posts = corpus.emailCases().stream()
                .map(c -> DynamicTest.dynamicTest(c.id() + " " + c.expected().status(), () -> takeIn(c)));
        return Stream.concat(posts, Stream.of(DynamicTest.dynamicTest("every accepted case handed over once",
                this::everyAcceptedCaseHandedOverOnce)));
    }

    private void takeIn(DevCorpus.Case c) {
        byte[] raw = corpus.emailBytes(c.id());
        String expected = c.expected().status();

        Answer answer = postMail(raw);

        assertEquals("DUPLICATE".equals(expected) ? 200 : 202, answer.status(), answer.body());
        assertEquals(expected, answer.intakeStatus(), c.note());
        assertNotNull(answer.caseId());
        if ("IGNORED".equals(expected)) {
            assertNotNull(answer.reason(), "an IGNORED answer says why");
        }
        if ("DUPLICATE".equals(expected)) {
            assertEquals(caseIdsByFile.get(c.file()), answer.caseId(), "a duplicate names the first case");
        } else {
            assertTrue(!caseIds.containsValue(answer.caseId()), "every new message gets its own case");
            caseIdsByFile.putIfAbsent(c.file(), answer.caseId());
        }
        caseIds.put(c.id(), answer.caseId());
        if ("ACCEPTED".equals(expected)) {
            acceptedCaseIds.add(answer.caseId());
        }

        String externalId = RawHeaders.externalId(raw);
        Map<String, Object> found = lookUpEmail(externalId)
                .orElseThrow(() -> new AssertionError("no case found for " + externalId));
        assertEquals(answer.caseId(), found.get("caseId"));
        assertEquals("EMAIL", found.get("channel"));
        assertEquals(externalId, found.get("externalId"));
        if (!"DUPLICATE".equals(expected)) {
            assertEquals(expected, found.get("status"));
        }
        String threadCaseId = (String) found.get("threadCaseId");
        if (c.followUpOf() != null) {
            assertEquals(caseIds.get(c.followUpOf()), threadCaseId, "a follow-up names its thread's case");
            assertNotEquals(answer.caseId(), threadCaseId, "a follow-up has its own case");
        } else if (!"DUPLICATE".equals(expected)) {
            assertEquals(null, threadCaseId, "not a follow-up of anything in the corpus: " + c.note());
        }
    }

    private void everyAcceptedCaseHandedOverOnce() {
        SharedDocuments.assumeAvailable(!acceptedCaseIds.isEmpty(), "shared/dev-corpus next to this clone");
        Eventually.await("every accepted case handed over", Duration.ofSeconds(60), () ->
                StreamSupport.stream(jobs.findAll().spliterator(), false)
                        .allMatch(job -> job.stage() == PipelineJob.Stage.DONE));
        assertEquals(acceptedCaseIds.size(), jobs.count(), "one pipeline job per accepted case, none for others");
        for (String caseId : acceptedCaseIds) {
            assertEquals(1, notify.handoffsOf(caseId).size(), "hand-overs of " + caseId);
        }
        assertEquals(acceptedCaseIds.size(), notify.requests().size(), "no other hand-over");
    }
}
