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
 * Replies whose client dropped In-Reply-To and References still find their case: through Outlook's Thread-Index,
 * or through the [MFA-…] tag of our answer's subject.
 */
@MicronautTest(transactional = false)
class ThreadingFallbackTest extends IntakeTestBase {

    private static final String USER = "Marcus Oyelaran <marcus.oyelaran@contoso.com>";

    @Test
    void aReplySharingTheThreadIndexConversationIsAFollowUp() {
        byte[] conversation = random(22);
        String first = postMail(TestMail.from(USER).messageId(newId()).subject("Left my phone at home")
                .header("Thread-Index", threadIndex(conversation, 0))).caseId();

        TestMail reply = TestMail.from(USER).messageId(newId()).subject("RE: Left my phone at home")
                .header("Thread-Index", threadIndex(conversation, 1)).body("That didn't work either.");
        postMail(reply);

        assertEquals(first, lookUpEmail(strip(reply.messageId())).orElseThrow().get("threadCaseId"));
    }

    @Test
    void anotherConversationOfTheSameSenderIsNot() {
        postMail(TestMail.from(USER).messageId(newId()).subject("Codes are late")
                .header("Thread-Index", threadIndex(random(22), 0)));

        TestMail other = TestMail.from(USER).messageId(newId()).subject("New phone")
                .header("Thread-Index", threadIndex(random(22), 0));
        postMail(other);

        assertNull(lookUpEmail(strip(other.messageId())).orElseThrow().get("threadCaseId"));
    }

    @Test
    void theCaseTagOfOurSubjectTiesAHeaderlessReplyToItsCase() {
        String first = postMail(TestMail.from(USER).messageId(newId()).subject("Code never arrives")).caseId();

        TestMail reply = TestMail.from(USER).messageId(newId())
                .subject("RE: Code never arrives [MFA-" + first.substring(0, 8) + "]").body("Still nothing.");
        postMail(reply);

        assertEquals(first, lookUpEmail(strip(reply.messageId())).orElseThrow().get("threadCaseId"));
    }

    private static String threadIndex(byte[] conversation, int replies) {
        byte[] index = new byte[conversation.length + 5 * replies];
        System.arraycopy(conversation, 0, index, 0, conversation.length);
        for (int i = conversation.length; i < index.length; i++) {
            index[i] = (byte) (i * 7);
        }
        return Base64.getEncoder().encodeToString(index);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String newId() {
        return "<" + UUID.randomUUID() + "@contoso.com>";
    }

    private static String strip(String messageId) {
        return messageId.substring(1, messageId.length() - 1);
    }
}
