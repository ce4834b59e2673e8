package com.mfadesk.intake.email;

import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With application.yml's limits, a mail between the server's 10 MiB default body buffer and intake's 25 MiB limit
 * is taken in (it was once refused with 413 by the buffer before intake saw it).
 */
@MicronautTest(transactional = false)
class DefaultSizeLimitTest extends IntakeTestBase {

    @Test
    void aTwelveMibMailIsAccepted() {
        int size = 12 * 1024 * 1024;
        TestMail mail = EmailSizeLimitTest.mailOfSize(size);

        Answer answer = postMail(mail);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus());
        assertEquals(size, rawMessages.findById(answer.caseId()).orElseThrow().sizeBytes(), "stored whole");
    }
}
