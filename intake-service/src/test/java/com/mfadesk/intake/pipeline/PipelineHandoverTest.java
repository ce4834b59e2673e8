package com.mfadesk.intake.pipeline;

import com.mfadesk.testsupport.SharedDocuments;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.intake.email.DevCorpus;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An accepted mail's way on: classified by guidance-service, then handed over to notify-service, each exactly once,
 * with the internal token; follow-ups, bulk and ignored mail; and the durable pipeline riding out a guidance outage
 * and a failed hand-over. Requests downstream are picked out by a marker in the subject or by the case id.
 */
@MicronautTest(transactional = false)
class PipelineHandoverTest extends IntakeTestBase {

    private static final String MARCUS = "Marcus Oyelaran <marcus.oyelaran@contoso.com>";

    @Test
    void acceptedMailIsClassifiedThenHandedOverOnce() {
        String marker = marker();
        guidance.classifies(marker, "no-phone-today");
        TestMail mail = TestMail.from(MARCUS).subject("Phone at home " + marker).body("""
                Hi,
                I left my phone at home today and cannot approve the sign-in.
                Marcus

                On Mon, 23 Nov 2026 at 09:12, Contoso IT Support <support@contoso.com> wrote:
                > Your printer ticket has been closed.
                > Regards, IT
                """);

        Answer answer = postMail(mail);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus());
        String caseId = answer.caseId();
        awaitHandedOver(caseId);

        LoggedRequest classification = single(guidance.requestsContaining(marker), "guidance requests");
        assertEquals("Bearer " + TOKEN, classification.getHeader("Authorization"));
        Map<String, Object> request = parse(classification.getBodyAsString());
        assertEquals("EMAIL", request.get("channel"));
        assertEquals("Phone at home " + marker, request.get("subject"));
        assertEquals(Boolean.FALSE, request.get("followUp"));
        String text = (String) request.get("text");
        assertTrue(text.contains("I left my phone at home today"), text);
        assertFalse(text.contains("printer") || text.contains("wrote:") || text.contains(">"),
                "no quoted history: " + text);

        LoggedRequest handoverRequest = single(notify.handoffsOf(caseId), "hand-overs");
        assertEquals("Bearer " + TOKEN, handoverRequest.getHeader("Authorization"));
        assertEquals(caseId, handoverRequest.getHeader("X-MFA-Case-Id"), "the case id travels for the logs");
        Map<String, Object> handoff = parse(handoverRequest.getBodyAsString());
        assertEquals(caseId, handoff.get("caseId"));
        assertEquals("EMAIL", handoff.get("channel"));
        assertNull(handoff.get("threadCaseId"));
        Map<String, Object> requester = object(handoff, "requester");
        assertEquals("marcus.oyelaran@contoso.com", requester.get("address"));
        assertEquals("Marcus Oyelaran", requester.get("displayName"));
        assertEquals(Boolean.TRUE, requester.get("verified"));
        assertEquals(mail.messageId(), handoff.get("internetMessageId"));
        assertEquals(text, handoff.get("text"));
        Map<String, Object> result = object(handoff, "guidance");
        assertEquals("no-phone-today", result.get("scenario"));
        assertEquals(0.87, ((Number) result.get("confidence")).doubleValue(), 1e-9);
        assertEquals(List.of("Sign in as usual.", "Choose Sign in another way."), result.get("steps"));
    }

    @Test
    void followUpGoesToGuidanceAsFollowUpAndToNotifyWithItsThreadCase() {
        String marker = marker();
        TestMail first = TestMail.from(MARCUS).subject("New phone " + marker)
                .body("I got a new phone with a new number. How do I move my sign-in?\n");
        String firstCaseId = postMail(first).caseId();
        awaitHandedOver(firstCaseId);

        TestMail followUp = TestMail.from(MARCUS).subject("RE: New phone " + marker).replyTo(first.messageId())
                .body("""
                        That did not work, I still get no code.

                        -----Original Message-----
                        From: Contoso IT Support <support@contoso.com>
                        Subject: RE: New phone

                        Sign in with another method, then change your number.
                        """);
        Answer answer = postMail(followUp);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus());
        String followUpCaseId = answer.caseId();
        assertNotEquals(firstCaseId, followUpCaseId, "a follow-up has its own case");
        awaitHandedOver(followUpCaseId);

        List<LoggedRequest> classifications = guidance.requestsContaining("RE: New phone " + marker);
        Map<String, Object> request = parse(single(classifications, "follow-up classifications").getBodyAsString());
        assertEquals(Boolean.TRUE, request.get("followUp"));
        assertEquals("That did not work, I still get no code.", ((String) request.get("text")).strip());

        Map<String, Object> handoff = parse(single(notify.handoffsOf(followUpCaseId), "hand-overs")
                .getBodyAsString());
        assertEquals(firstCaseId, handoff.get("threadCaseId"));
        assertEquals(followUp.messageId(), handoff.get("internetMessageId"));
        assertEquals(1, notify.handoffsOf(firstCaseId).size(), "the first case is not handed over again");
    }

    @Test
    void subjectOnlyMailIsClassifiedWithItsSubjectAndAnEmptyText() {
        String marker = marker();
        TestMail mail = TestMail.from(MARCUS).subject("Left my phone at home, can't sign in " + marker).body("");

        Answer answer = postMail(mail);

        assertEquals("ACCEPTED", answer.intakeStatus(), answer.body());
        awaitHandedOver(answer.caseId());
        Map<String, Object> request = parse(single(guidance.requestsContaining(marker), "guidance requests")
                .getBodyAsString());
        assertEquals("Left my phone at home, can't sign in " + marker, request.get("subject"));
        assertTrue(request.get("text") instanceof String, "guidance-service requires a text: " + request);
    }

    @Test
    void bulkMailReachesNotifyAsNotSupportWithoutGuidance() {
        String marker = marker();
        TestMail newsletter = TestMail.from("Contoso IT Communications <it-news@contoso.com>")
                .subject("IT News: MFA rollout phase 2 " + marker)
                .header("List-Unsubscribe", "<mailto:unsubscribe@news.contoso.com>")
                .header("Precedence", "bulk")
                .body("Phase 2 of the MFA rollout starts Monday. Have your phone ready for the code.\n");

        Answer answer = postMail(newsletter);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus(), "bulk mail is taken in; notify closes it");
        awaitHandedOver(answer.caseId());
        assertNotSupportWithoutGuidance(answer.caseId(), marker);
    }

    @Test
    void devCorpusNewsletterReachesNotifyAsNotSupportWithoutGuidance() {
        DevCorpus corpus = new DevCorpus();
        SharedDocuments.assumeAvailable(corpus.isAvailable(), "shared/dev-corpus next to this clone");

        Answer answer = postMail(corpus.emailBytes("h155"));

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus());
        awaitHandedOver(answer.caseId());
        assertNotSupportWithoutGuidance(answer.caseId(), "IT News");
    }

    @Test
    void ignoredAutoReplyReachesNeitherService() throws InterruptedException {
        String marker = marker();
        TestMail autoReply = TestMail.from(MARCUS).subject("Automatic reply: Sign-in help " + marker)
                .header("Auto-Submitted", "auto-replied")
                .body("I am out of the office until Monday.\n");

        Answer answer = postMail(autoReply);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("IGNORED", answer.intakeStatus());
        assertEquals("AUTO_REPLY", answer.reason());
        assertTrue(jobs.findById(answer.caseId()).isEmpty(), "no pipeline job for an ignored case");
        Thread.sleep(300);
        assertTrue(guidance.requestsContaining(marker).isEmpty(), "guidance never hears of it");
        assertTrue(notify.handoffsOf(answer.caseId()).isEmpty(), "notify never hears of it");
    }

    @Test
    void guidanceOutageDelaysTheCaseThenItIsHandedOverExactlyOnce() {
        String marker = marker();
        guidance.unavailableFor(marker);
        TestMail mail = TestMail.from(MARCUS).subject("Codes late " + marker)
                .body("My verification codes arrive ten minutes late.\n");

        Answer answer = postMail(mail);

        assertEquals(202, answer.status(), "taken in while guidance is down: " + answer.body());
        String caseId = answer.caseId();
        Eventually.await("two failed classifications", () -> guidance.requestsContaining(marker).size() >= 2);
        assertTrue(notify.handoffsOf(caseId).isEmpty(), "nothing handed over while unclassified");
        assertEquals(PipelineJob.Stage.CLASSIFY, jobs.findById(caseId).orElseThrow().stage());

        guidance.backOnline();

        awaitHandedOver(caseId);
        assertEquals(1, notify.handoffsOf(caseId).size(), "handed over exactly once");
        assertEquals("no-phone-today", object(parse(notify.handoffsOf(caseId).get(0).getBodyAsString()),
                "guidance").get("scenario"));
    }

    @Test
    void failedHandOverIsRepeatedWithoutClassifyingAgain() {
        String marker = marker();
        notify.failsOnceThenAccepts(marker);
        guidance.classifies(marker, "code-not-received");
        TestMail mail = TestMail.from(MARCUS).subject("No code " + marker).body("No text message arrives.\n");

        Answer answer = postMail(mail);

        String caseId = answer.caseId();
        awaitHandedOver(caseId);
        List<LoggedRequest> handoffs = notify.handoffsOf(caseId);
        assertEquals(2, handoffs.size(), "one 500, then one accepted hand-over");
        assertEquals(parse(handoffs.get(0).getBodyAsString()), parse(handoffs.get(1).getBodyAsString()),
                "the same hand-over, repeated");
        assertEquals("code-not-received", object(parse(handoffs.get(1).getBodyAsString()), "guidance")
                .get("scenario"));
        assertEquals(1, guidance.requestsContaining(marker).size(), "classified once");
        assertTrue(cases.findById(caseId).isPresent() && rawMessages.findById(caseId).isPresent(),
                "the case is not lost");
    }

    private void assertNotSupportWithoutGuidance(String caseId, String subjectText) {
        assertTrue(guidance.requestsContaining(subjectText).isEmpty(), "guidance is not asked about bulk mail");
        Map<String, Object> handoff = parse(single(notify.handoffsOf(caseId), "hand-overs").getBodyAsString());
        assertEquals("not-support", object(handoff, "guidance").get("scenario"));
    }

    private static LoggedRequest single(List<LoggedRequest> requests, String what) {
        assertEquals(1, requests.size(), what);
        return requests.get(0);
    }

}
