package com.mfadesk.intake.email;

import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Only a case's own, verified requester continues it. A stranger or a colleague who copies the Message-ID, the case
 * tag or Outlook's Thread-Index of an employee's mail starts a case of their own; otherwise they could trigger a
 * FIX_FAILED escalation on someone else's account, or read its answers.
 */
@MicronautTest(transactional = false)
class ThreadJoiningTest extends IntakeTestBase {

    private static final String EMPLOYEE = "Marcus Oyelaran <marcus.oyelaran@contoso.com>";
    private static final String STRANGER = "Marcus O. <marcus.oyelaran@fabrikam.example>";
    private static final String COLLEAGUE = "Fiona MacLeod <fiona.macleod@contoso.co.uk>";

    @Test
    void aStrangersInReplyToAnEmployeesMailStartsItsOwnCase() {
        TestMail original = TestMail.from(EMPLOYEE).messageId(newId()).subject("Left my phone at home");
        postMail(original);

        assertNull(threadCaseOf(TestMail.from(STRANGER).messageId(newId()).replyTo(original.messageId())
                .subject("RE: Left my phone at home").body("That didn't work, please reset my methods.")));
    }

    @Test
    void aColleaguesReplyInTheEmployeesThreadIsTheColleaguesOwnCase() {
        TestMail original = TestMail.from(EMPLOYEE).messageId(newId()).subject("Code never arrives");
        postMail(original);

        assertNull(threadCaseOf(TestMail.from(COLLEAGUE).messageId(newId()).replyTo(original.messageId())
                .subject("RE: Code never arrives").body("Same here, and the fix didn't work for me either.")));
    }

    @Test
    void aStrangerCopyingTheCaseTagStartsItsOwnCase() {
        String first = postMail(TestMail.from(EMPLOYEE).messageId(newId()).subject("New phone")).caseId();

        assertNull(threadCaseOf(TestMail.from(STRANGER).messageId(newId())
                .subject("RE: New phone [MFA-" + first.substring(0, 8) + "]").body("Still not working.")));
    }

    @Test
    void aStrangerCopyingTheThreadIndexStartsItsOwnCase() {
        byte[] conversation = new byte[22];
        new java.security.SecureRandom().nextBytes(conversation);
        postMail(TestMail.from(EMPLOYEE).messageId(newId()).subject("Phone at home")
                .header("Thread-Index", Base64.getEncoder().encodeToString(conversation)));

        assertNull(threadCaseOf(TestMail.from(STRANGER).messageId(newId()).subject("RE: Phone at home")
                .header("Thread-Index", Base64.getEncoder().encodeToString(conversation))
                .body("Didn't help.")));
    }

    @Test
    void theEmployeeSpoofedFromOutsideDoesNotJoinTheirCase() {
        TestMail original = TestMail.from(EMPLOYEE).messageId(newId()).subject("Left my phone at home");
        postMail(original);

        assertNull(threadCaseOf(TestMail.from(EMPLOYEE).messageId(newId()).replyTo(original.messageId())
                .header("Authentication-Results", "spf=fail smtp.mailfrom=contoso.com; dmarc=fail action=none")
                .subject("RE: Left my phone at home").body("That didn't work.")));
    }

    @Test
    void theEmployeesOwnReplyContinuesTheCaseWhateverTheCaseOfTheAddress() {
        TestMail original = TestMail.from(EMPLOYEE).messageId(newId()).subject("Left my phone at home");
        String first = postMail(original).caseId();

        assertEquals(first, threadCaseOf(TestMail.from("Marcus Oyelaran <Marcus.Oyelaran@Contoso.com>")
                .messageId(newId()).replyTo(original.messageId()).subject("RE: Left my phone at home")
                .body("That didn't work.")));
    }

    private Object threadCaseOf(TestMail reply) {
        assertEquals(202, postMail(reply).status());
        String id = reply.messageId();
        return lookUpEmail(id.substring(1, id.length() - 1)).orElseThrow().get("threadCaseId");
    }

    private static String newId() {
        return "<" + UUID.randomUUID() + "@contoso.com>";
    }
}
