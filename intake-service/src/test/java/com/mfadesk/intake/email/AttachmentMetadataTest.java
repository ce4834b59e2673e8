package com.mfadesk.intake.email;

import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachments are kept with the case as metadata (name, type, size); the bytes stay in the raw message. */
@MicronautTest(transactional = false)
class AttachmentMetadataTest extends IntakeTestBase {

    @Test
    void aMailWithAnAttachmentKeepsItsMetadata() {
        String boundary = "b-" + UUID.randomUUID();
        String messageId = "<" + UUID.randomUUID() + "@contoso.com>";
        String mail = "From: Marcus Oyelaran <marcus.oyelaran@contoso.com>\r\nTo: support@contoso.com\r\n"
                + "Subject: Error code on sign-in\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "I get this error when I sign in, screenshot attached.\r\n"
                + "--" + boundary + "\r\nContent-Type: image/png; name=\"error.png\"\r\n"
                + "Content-Disposition: attachment; filename=\"error.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n"
                + "--" + boundary + "--\r\n";

        String caseId = postMail(mail.getBytes(StandardCharsets.UTF_8)).caseId();

        String attachments = cases.findById(caseId).orElseThrow().attachmentsJson();
        assertTrue(attachments.contains("\"name\":\"error.png\"") && attachments.contains("\"contentType\":\"image/png\"")
                && attachments.contains("\"size\":70"), attachments);
    }

    @Test
    void aPlainMailHasNone() {
        String caseId = postMail(TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .messageId("<" + UUID.randomUUID() + "@contoso.com>").subject("Codes are late")).caseId();

        assertNull(cases.findById(caseId).orElseThrow().attachmentsJson());
    }
}
