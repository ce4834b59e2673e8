package com.mfadesk.intake.email;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyStripperTest {

    private final ReplyStripper stripper = new ReplyStripper();

    @ParameterizedTest
    @ValueSource(strings = {
            "From: IT Support <support@contoso.com>\nSent: Monday, April 1, 2024 4:02 PM\nTo: Jonas\nSubject: RE: x",
            "Von: IT Support <support@contoso.com>\nGesendet: Montag, 1. April 2024 16:02\nAn: Jonas\nBetreff: AW: x",
            "De : IT Support <support@contoso.com>\nEnvoyé : lundi 1 avril 2024 16:02\nÀ : Jonas\nObjet : RE: x",
            "De: IT Support <support@contoso.com>\nEnviado: lunes, 1 de abril de 2024 16:02\nPara: Jonas\nAsunto: RE: x",
            "Van: IT Support <support@contoso.com>\nVerzonden: maandag 1 april 2024 16:02\nAan: Jonas\nOnderwerp: RE: x",
            "*From:* IT Support <support@contoso.com>\n*Sent:* Monday, April 1, 2024 4:02 PM",
            "________________________________\nFrom: IT Support <support@contoso.com>\nSent: Monday, April 1, 2024",
            "-----Original Message-----\nFrom: IT Support\nquoted",
            "-----Ursprüngliche Nachricht-----\nVon: IT Support\nquoted",
            "---------- Forwarded message ---------\nFrom: HR <hr@contoso.com>\nDate: Mon",
            "Begin forwarded message:\n\nFrom: HR <hr@contoso.com>",
            "On Mon, 4 Mar 2024 at 14:22, IT Support <support@contoso.com> wrote:\n> quoted",
            "On Mon, 4 Mar 2024 at 14:22, IT Support <\nsupport@contoso.com> wrote:\n\n> quoted",
            "Am Mo., 4. März 2024 um 14:22 Uhr schrieb IT Support <support@contoso.com>:\n> zitiert",
            "Le lun. 4 mars 2024 à 14:22, IT Support <support@contoso.com> a écrit :\n> cité",
            "El lun, 4 mar 2024 a las 14:22, IT Support (<support@contoso.com>) escribió:\n> citado",
            "Op ma 4 mrt 2024 om 14:22 schreef IT Support <support@contoso.com>:\n> geciteerd",
            "Em seg., 4 de mar. de 2024 às 14:22, IT Support <support@contoso.com> escreveu:\n> citado",
            "On 4 Mar 2024, at 14:22, IT Support <support@contoso.com> wrote:\n\nunquoted history below",
            "-- \nJonas Weber\nIT",
            "Sent from my iPhone",
            "Sent from my Galaxy",
            "Get Outlook for iOS",
            "Sent from Outlook for Android",
            "Von meinem iPhone gesendet",
            "Envoyé de mon iPhone",
            "Enviado desde mi iPhone",
            "Verzonden vanaf mijn iPhone",
    })
    void cutsHistoryAndSignaturesBelowTheNewText(String tail) {
        // below quoted lines, unquoted text would be the sender's answer; below other markers it is history
        String below = tail.contains("\n>") ? "> old text about a lost phone" : "old text about a lost phone";
        String text = "Hi,\n\nthe app still shows no request.\n\nJonas\n\n" + tail + "\n" + below + "\n";
        assertEquals("Hi,\n\nthe app still shows no request.\n\nJonas", stripper.newText(text));
    }

    @Test
    void keepsAnswersWrittenBetweenAndBelowQuotes() {
        String text = """
                On Tue, 2 Apr 2024 at 16:40, IT Support <support@contoso.com> wrote:
                > Did you restart the phone?

                Yes, twice.

                > Is the time on the phone set automatically?

                I think so, how do I check?
                """;
        assertEquals("Yes, twice.\n\nI think so, how do I check?", stripper.newText(text));
    }

    @Test
    void keepsTheNoteWrittenAboveAForward() {
        String text = """
                Is this real? I never asked for a code.

                ---------- Forwarded message ---------
                From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>
                Subject: Your verification code

                Use 482913 as your verification code.
                """;
        assertEquals("Is this real? I never asked for a code.", stripper.newText(text));
    }

    @Test
    void removesTrailingDisclaimersButNotTheSendersOwnWords() {
        String text = """
                Hi, can I get my confidential reports without the code every time?

                Thanks
                Dana

                This e-mail and any attachments are confidential and intended solely for the addressee. If you have
                received it in error, please notify the sender and delete it. Any unauthorised disclosure is prohibited.

                Disclaimer: Contoso accepts no liability for viruses transmitted by this message.
                """;
        assertEquals("Hi, can I get my confidential reports without the code every time?\n\nThanks\nDana",
                stripper.newText(text));
    }

    @Test
    void removesADisclaimerGluedUnderTheSignOff() {
        String text = "Die SMS kommt nicht an.\n\nGrüße\nSabine\nDiese E-Mail enthält vertrauliche Informationen. "
                + "Wenn Sie nicht der richtige Empfänger sind, informieren Sie bitte den Absender.";
        assertEquals("Die SMS kommt nicht an.\n\nGrüße\nSabine", stripper.newText(text));
    }

    @Test
    void neverRemovesTheFirstParagraph() {
        String text = "This email is confidential and privileged: my code is not arriving.";
        assertEquals(text, stripper.newText(text));
    }

    @Test
    void aSentenceStartingLikeASignatureIsKept() {
        String text = "Sent from my laptop, the code never arrives, but from my phone it does.\n\nMo";
        assertEquals(text, stripper.newText(text));
    }

    @Test
    void tidiesWhitespace() {
        assertEquals("Hi,\n\nno code.", stripper.newText("\n\n  \nHi,\u00A0\u00A0\r\n\r\n\r\n\r\nno\u00A0code.  \n\n"));
        assertEquals("", stripper.newText(null));
        assertEquals("", stripper.newText(" \n "));
    }

    @Test
    void staysLinearOnPathologicalInput() {
        String manyQuotes = ">\n".repeat(100_000) + "> ".repeat(50_000) + "\nreal text";
        String hugeLine = "On " + "a".repeat(5_000_000) + " wrote:";
        String manyAttributions = "On Monday someone wrote something\n".repeat(50_000);
        String manyHeaders = "From: x <x@y>\nTo: z\n".repeat(50_000) + "From: x <x@y>\nSent: today\n";
        String manyParagraphs = "confidential intended recipient privileged\n\n".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals("real text", stripper.newText(manyQuotes));
            assertEquals(hugeLine.length(), stripper.newText(hugeLine).length());
            assertEquals(50_000, stripper.newText(manyAttributions).lines().count());
            assertTrue(stripper.newText(manyHeaders).lines().count() > 99_000); // cut at the one real header block
            assertTrue(stripper.newText(manyParagraphs).startsWith("confidential"));
        });
    }
}
