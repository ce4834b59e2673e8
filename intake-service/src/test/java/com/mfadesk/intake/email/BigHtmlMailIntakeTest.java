package com.mfadesk.intake.email;

import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.intake.support.IntakeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A 5 MB HTML-only mail, rendered only in part, is taken in like any other: accepted, with its request as new text. */
@MicronautTest(transactional = false)
class BigHtmlMailIntakeTest extends IntakeTestBase {

    @Test
    void aFiveMegabyteHtmlMailIsAcceptedWithItsRequest() {
        byte[] mail = BigHtmlMailTest.bigHtmlMail(true, "<" + UUID.randomUUID() + "@contoso.com>");

        Answer answer = postMail(mail);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus());
        InboundCase inbound = cases.findById(answer.caseId()).orElseThrow();
        assertEquals(BigHtmlMailTest.REQUEST + "\nBelow is the report, in case it helps.", inbound.newText());
        assertEquals("juergen.mass@contoso.com", inbound.senderAddress());
        assertNull(inbound.ignoreReason());
        assertEquals(mail.length, rawMessages.findById(answer.caseId()).orElseThrow().sizeBytes(), "stored whole");
    }
}
