package com.mfadesk.intake.email;

import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Header values longer than their columns: the mail is stored and handled all the same, the raw message keeps them
 * whole, and the columns hold them cut with a visible mark. A mail server retries a 5xx forever, so losing such a
 * mail to a database error would also mean receiving it again and again.
 */
@MicronautTest(transactional = false)
class LongHeaderTest extends IntakeTestBase {

    @Test
    void aSubjectOverAThousandCharactersIsKeptWholeInTheRawMessageAndCutInTheCase() {
        String subject = "Left my phone at home " + "very ".repeat(1000) + "urgent";
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>").subject(subject)
                .body("I left my phone at home and cannot sign in.\n");

        Answer answer = postMail(mail);

        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus());
        InboundCase stored = cases.findById(answer.caseId()).orElseThrow();
        assertTrue(stored.subject().length() <= 1000 && stored.subject().endsWith("…"), stored.subject());
        assertTrue(stored.subject().startsWith("Left my phone at home very"));
        byte[] raw = rawMessages.findById(answer.caseId()).orElseThrow().content();
        assertTrue(new String(raw, StandardCharsets.UTF_8).contains("very urgent"), "the raw message is whole");
        awaitHandedOver(answer.caseId());
    }

    @Test
    void aDisplayNameOverTwoHundredFiftyFiveCharactersIsCut() {
        String name = "Marcus " + "Oyelaran-".repeat(60);
        Answer answer = postMail(TestMail.from("\"" + name + "\" <marcus.oyelaran@contoso.com>")
                .body("The code never arrives.\n"));

        assertEquals(202, answer.status(), answer.body());
        String stored = cases.findById(answer.caseId()).orElseThrow().senderName();
        assertTrue(stored.length() <= 255 && stored.endsWith("…"), stored);
    }

    @Test
    void aBracketlessMessageIdOverAThousandCharactersIsStoredAndStillRecognisedAsADuplicate() {
        char[] id = new char[1500];
        Arrays.fill(id, 'x');
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>").withoutMessageId()
                .header("Message-ID", new String(id) + "@contoso.com").body("My new phone needs setting up.\n");

        Answer first = postMail(mail);
        Answer again = postMail(mail);

        assertEquals(202, first.status(), first.body());
        assertEquals("ACCEPTED", first.intakeStatus());
        assertEquals("DUPLICATE", again.intakeStatus());
        assertEquals(first.caseId(), again.caseId());
    }
}
