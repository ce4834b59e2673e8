package com.mfadesk.intake.cases;

import com.mfadesk.vocabulary.Channel;
import com.mfadesk.testsupport.SharedDocuments;
import com.mfadesk.intake.email.DevCorpus;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.RawHeaders;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same message delivered again is a DUPLICATE naming the first case, whether it has a Message-ID or is known by
 * the digest of its bytes, and however many deliveries race: one case, one hand-over.
 */
@MicronautTest(transactional = false)
class DuplicateCasesTest extends IntakeTestBase {

    private static final String MARCUS = "Marcus Oyelaran <marcus.oyelaran@contoso.com>";

    @Test
    void sameMessageIdTwiceIsDuplicateOfTheFirstCase() {
        TestMail mail = TestMail.from(MARCUS).body("I left my phone at home.\n");
        Answer first = postMail(mail);

        Answer second = postMail(mail);

        assertEquals(202, first.status(), first.body());
        assertEquals("ACCEPTED", first.intakeStatus());
        assertEquals(200, second.status(), second.body());
        assertEquals("DUPLICATE", second.intakeStatus());
        assertEquals(first.caseId(), second.caseId());
        assertOneCaseHandedOverOnce(mail.messageId(), first.caseId());
    }

    @Test
    void redeliveryWithOtherTransportHeadersIsStillADuplicate() {
        TestMail mail = TestMail.from(MARCUS).body("I left my phone at home.\n");
        Answer first = postMail(mail);
        byte[] redelivered = ("Received: from relay2.contoso.com by mx.contoso.com; Wed, 25 Nov 2026 10:05:00 +0000\r\n"
                + new String(mail.bytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        Answer second = postMail(redelivered);

        assertEquals("DUPLICATE", second.intakeStatus());
        assertEquals(first.caseId(), second.caseId());
    }

    @Test
    void mailWithoutMessageIdTwiceIsDuplicateByItsBytes() {
        TestMail mail = TestMail.from(MARCUS).withoutMessageId().body("No code arrives on my phone.\n");
        Answer first = postMail(mail);

        Answer second = postMail(mail);

        assertEquals("ACCEPTED", first.intakeStatus());
        assertEquals(200, second.status(), second.body());
        assertEquals("DUPLICATE", second.intakeStatus());
        assertEquals(first.caseId(), second.caseId());
        assertOneCaseHandedOverOnce(RawHeaders.externalId(mail.bytes()), first.caseId());
    }

    @Test
    void differentMailsWithoutMessageIdAreDifferentCases() {
        Answer first = postMail(TestMail.from(MARCUS).withoutMessageId().body("No code arrives.\n"));
        Answer second = postMail(TestMail.from(MARCUS).withoutMessageId().body("No code arrives at all.\n"));

        assertEquals("ACCEPTED", first.intakeStatus());
        assertEquals("ACCEPTED", second.intakeStatus());
        assertTrue(!first.caseId().equals(second.caseId()));
    }

    @Test
    void mailsWithAnEmptyMessageIdAreNotDuplicatesOfEachOther() {
        Answer first = postMail(TestMail.from(MARCUS).messageId("<>").body("No code arrives.\n"));
        Answer second = postMail(TestMail.from("Adele Brennan <adele.brennan@contoso.com>").messageId("<>")
                .body("I lost my phone.\n"));
        Answer secondAgain = postMail(TestMail.from("Adele Brennan <adele.brennan@contoso.com>").messageId("<>")
                .body("I lost my phone.\n"));

        assertEquals("ACCEPTED", first.intakeStatus(), first.body());
        assertEquals("ACCEPTED", second.intakeStatus(), "another mail, not a duplicate: " + second.body());
        assertTrue(!first.caseId().equals(second.caseId()));
        assertEquals("DUPLICATE", secondAgain.intakeStatus(), "known by its bytes instead");
        assertEquals(second.caseId(), secondAgain.caseId());
    }

    @Test
    void messageIdsDifferingOnlyInCaseAreDifferentMessages() {
        Answer first = postMail(TestMail.from(MARCUS).messageId("<CAKx9qZ@mail.gmail.com>").body("No code.\n"));
        Answer second = postMail(TestMail.from(MARCUS).messageId("<CAkX9Qz@mail.gmail.com>").body("Lost phone.\n"));

        assertEquals("ACCEPTED", first.intakeStatus(), first.body());
        assertEquals("ACCEPTED", second.intakeStatus(), "Message-IDs are case-sensitive: " + second.body());
    }

    @Test
    void devCorpusMailWithoutMessageIdTwiceIsDuplicate() {
        DevCorpus corpus = new DevCorpus();
        SharedDocuments.assumeAvailable(corpus.isAvailable(), "shared/dev-corpus next to this clone");
        byte[] raw = corpus.emailBytes("h136");
        Answer first = postMail(raw);

        Answer second = postMail(raw);

        assertEquals(202, first.status(), first.body());
        assertEquals("ACCEPTED", first.intakeStatus());
        assertEquals(200, second.status(), second.body());
        assertEquals("DUPLICATE", second.intakeStatus());
        assertEquals(first.caseId(), second.caseId());
        assertOneCaseHandedOverOnce(RawHeaders.externalId(raw), first.caseId());
    }

    @Test
    void concurrentDeliveriesOfOneNewMailMakeOneCase() throws Exception {
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            for (int round = 0; round < 3; round++) {
                TestMail mail = TestMail.from(MARCUS).body("My phone was stolen this morning (" + round + ").\n");
                String caseId = oneAcceptedTheRestDuplicates(deliverConcurrently(pool, deliveries, mail));
                assertOneCaseHandedOverOnce(mail.messageId(), caseId);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentDeliveriesOfOneMailWithoutMessageIdMakeOneCase() throws Exception {
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            TestMail mail = TestMail.from(MARCUS).withoutMessageId().body("My new phone shows no codes.\n");
            String caseId = oneAcceptedTheRestDuplicates(deliverConcurrently(pool, deliveries, mail));
            assertOneCaseHandedOverOnce(RawHeaders.externalId(mail.bytes()), caseId);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The delivery that won the unique key is ACCEPTED (202); every other one is a 200 DUPLICATE naming its case. */
    private static String oneAcceptedTheRestDuplicates(List<Answer> answers) {
        List<Answer> accepted = answers.stream().filter(a -> "ACCEPTED".equals(a.intakeStatus())).toList();
        assertEquals(1, accepted.size(), "exactly one ACCEPTED among " + answers);
        assertEquals(202, accepted.get(0).status());
        String caseId = accepted.get(0).caseId();
        for (Answer answer : answers) {
            if (answer != accepted.get(0)) {
                assertEquals(200, answer.status(), answer.body());
                assertEquals("DUPLICATE", answer.intakeStatus());
                assertEquals(caseId, answer.caseId());
            }
        }
        return caseId;
    }

    /** Posts the mail from {@code deliveries} threads released at the same moment. */
    private List<Answer> deliverConcurrently(ExecutorService pool, int deliveries, TestMail mail) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return postMail(mail);
            }));
        }
        start.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private void assertOneCaseHandedOverOnce(String externalId, String caseId) {
        Map<String, Object> found = lookUpEmail(externalId).orElseThrow();
        assertEquals(caseId, found.get("caseId"));
        assertEquals("ACCEPTED", found.get("status"));
        assertEquals(1, cases.findByChannelAndExternalIdInList(Channel.EMAIL,
                List.of(ExternalIds.normalize(externalId))).size(), "one case");
        awaitHandedOver(caseId);
        assertEquals(1, notify.handoffsOf(caseId).size(), "one hand-over");
    }
}
