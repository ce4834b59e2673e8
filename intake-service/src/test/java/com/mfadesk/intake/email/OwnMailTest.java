package com.mfadesk.intake.email;

import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This system's own mail coming back (sent from SUPPORT_MAILBOX, or carrying the {@code X-MFA-Desk-Case} marker of
 * our replies) is taken in as IGNORED with reason OWN_MESSAGE and never goes down the pipeline: answering it would
 * start a mail loop.
 */
@MicronautTest(transactional = false)
class OwnMailTest extends IntakeTestBase {

    @Test
    void mailFromTheSupportMailboxIsIgnored() {
        assertIgnoredAsOwn(TestMail.from("Contoso IT Support <support@contoso.com>").subject("RE: Sign-in help"));
    }

    @Test
    void supportMailboxIsRecognisedWhateverItsCase() {
        assertIgnoredAsOwn(TestMail.from("Contoso IT Support <Support@Contoso.COM>").subject("RE: Sign-in help"));
    }

    @Test
    void mailCarryingOurReplyMarkerIsIgnored() {
        TestMail forwardedReply = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .subject("RE: Sign-in help")
                .header("X-MFA-Desk-Case", "3f1c9a52-8d0e-4c51-9d0a-5b7e2f1e0c11");

        assertIgnoredAsOwn(forwardedReply);
    }

    @Test
    void ignoredOwnMailSentAgainIsADuplicate() {
        TestMail own = TestMail.from("Contoso IT Support <support@contoso.com>").subject("RE: Sign-in help");
        String caseId = postMail(own).caseId();

        Answer again = postMail(own);

        assertEquals(200, again.status(), again.body());
        assertEquals("DUPLICATE", again.intakeStatus());
        assertEquals(caseId, again.caseId());
    }

    private void assertIgnoredAsOwn(TestMail mail) {
        Answer answer = postMail(mail);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("IGNORED", answer.intakeStatus());
        assertEquals("OWN_MESSAGE", answer.reason());
        Map<String, Object> found = lookUpEmail(mail.messageId()).orElseThrow();
        assertEquals(answer.caseId(), found.get("caseId"));
        assertEquals("IGNORED", found.get("status"));
        assertTrue(rawMessages.findById(answer.caseId()).isPresent(), "the raw message is kept");
        assertTrue(jobs.findById(answer.caseId()).isEmpty(), "never goes down the pipeline");
    }
}
