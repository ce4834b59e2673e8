package com.mfadesk.intake.email;

import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code intake.max-message-bytes}: a message over it is refused with 413 and nothing is stored. The limit is lowered
 * to 1 MiB here (and the server's own request limit to 2 MiB) to keep the test light; the 25 MiB default is
 * application.yml's.
 */
@MicronautTest(transactional = false)
class EmailSizeLimitTest extends IntakeTestBase {

    private static final int LIMIT = 1024 * 1024;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("intake.max-message-bytes", String.valueOf(LIMIT));
        properties.put("micronaut.server.max-request-size", String.valueOf(2 * LIMIT));
        return properties;
    }

    @Test
    void oneByteOverTheLimitIs413AndNothingIsStored() {
        TestMail mail = mailOfSize(LIMIT + 1);
        long casesBefore = cases.count();
        long rawBefore = rawMessages.count();

        Answer answer = postMail(mail);

        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertTrue(lookUpEmail(mail.messageId()).isEmpty(), "no case for a refused message");
        assertEquals(casesBefore, cases.count(), "inbound_case rows");
        assertEquals(rawBefore, rawMessages.count(), "raw_message rows");
    }

    @Test
    void overTheServersRequestLimitIs413Too() {
        TestMail mail = mailOfSize(3 * LIMIT);
        long casesBefore = cases.count();

        Answer answer = postMail(mail);

        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals(413, answer.json().get("status"));
        assertTrue(lookUpEmail(mail.messageId()).isEmpty(), "no case for a refused message");
        assertEquals(casesBefore, cases.count(), "inbound_case rows");
    }

    @Test
    void exactlyAtTheLimitIsAccepted() {
        TestMail mail = mailOfSize(LIMIT);

        Answer answer = postMail(mail);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus());
        assertEquals(LIMIT, rawMessages.findById(answer.caseId()).orElseThrow().sizeBytes(), "stored whole");
    }

    /** A plain mail padded with text lines to exactly {@code size} bytes. */
    static TestMail mailOfSize(int size) {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>").body("");
        int headerBytes = mail.bytes().length;
        String opening = "I left my phone at home.\r\n";
        int padding = size - headerBytes - opening.length();
        char[] filler = new char[padding];
        Arrays.fill(filler, 'x');
        for (int i = 76; i < padding; i += 78) {
            filler[i - 2] = '\r';
            filler[i - 1] = '\n';
        }
        mail.body(opening + new String(filler));
        assertEquals(size, mail.bytes().length, "padded mail size");
        return mail;
    }
}
