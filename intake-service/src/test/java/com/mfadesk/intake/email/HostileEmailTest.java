package com.mfadesk.intake.email;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mail built to hurt: each gives a clear outcome quickly, and only a mail without From/headers is unreadable. */
class HostileEmailTest {

    private static final String HEADERS = "From: Mallory <mallory@contoso.com>\r\nTo: support@contoso.com\r\n"
            + "Subject: hostile\r\nMessage-ID: <hostile@contoso.com>\r\nMIME-Version: 1.0\r\n";
    private static final Duration QUICK = Duration.ofSeconds(20);

    private final EmailParser parser = new EmailParser();

    @Test
    void twoThousandNestedMultipartsStopAtTheDepthLimit() {
        StringBuilder mail = new StringBuilder(HEADERS);
        mail.append("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < 2000; i++) {
            mail.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
                    .append("\"\r\n\r\n");
        }
        mail.append("--b2000\r\nContent-Type: text/plain\r\n\r\ndeep text\r\n--b2000--\r\n");
        for (int i = 1999; i >= 0; i--) {
            mail.append("--b").append(i).append("--\r\n");
        }
        ParsedEmail email = assertTimeoutPreemptively(QUICK, () -> parser.parse(bytes(mail)));
        assertEquals("mallory@contoso.com", email.fromAddress());
        assertTrue(email.parseWarnings().stream().anyMatch(w -> w.contains("nested deeper than 20")));
    }

    @Test
    void manySiblingPartsStopAtThePartLimit() {
        StringBuilder mail = new StringBuilder(HEADERS).append("Content-Type: multipart/mixed; boundary=\"s\"\r\n\r\n");
        for (int i = 0; i < 5000; i++) {
            mail.append("--s\r\nContent-Type: application/octet-stream; name=\"f").append(i).append(".bin\"\r\n\r\nx\r\n");
        }
        mail.append("--s--\r\n");
        ParsedEmail email = assertTimeoutPreemptively(QUICK, () -> parser.parse(bytes(mail)));
        assertTrue(email.attachments().size() < 500);
        assertTrue(email.parseWarnings().stream().anyMatch(w -> w.contains("MIME parts")));
    }

    @Test
    void invalidBase64IsDecodedAsFarAsItGoes() {
        String mail = HEADERS + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "SGVsbG8sIG15IGNvZGUgZG9lcyBub3QgYXJyaXZlLg==\r\n!!!@@@###$$$%%%\r\nnot base64 at all \u00ff\r\n";
        ParsedEmail email = parser.parse(mail.getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(email.newText().startsWith("Hello, my code does not arrive."), email.newText());
    }

    @Test
    void unknownCharsetFallsBackToUtf8OrWindows1252() {
        String utf8 = HEADERS + "Content-Type: text/plain; charset=\"x-klingon-42\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        ParsedEmail fromUtf8 = parser.parse(concat(utf8.getBytes(StandardCharsets.US_ASCII),
                "Grüße, der Code fehlt.".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Grüße, der Code fehlt.", fromUtf8.newText());

        ParsedEmail from1252 = parser.parse(concat(utf8.getBytes(StandardCharsets.US_ASCII),
                "Grüße, der Code fehlt.".getBytes(BestEffortCharsets.WINDOWS_1252)));
        assertEquals("Grüße, der Code fehlt.", from1252.newText());
    }

    @Test
    void nulBytesAreDroppedFromTheText() {
        byte[] mail = (HEADERS.replace("Subject: hostile", "Subject: hos\0tile") + "Content-Type: text/plain\r\n\r\n"
                + "no\0 code\0\0 today").getBytes(StandardCharsets.ISO_8859_1);
        ParsedEmail email = parser.parse(mail);
        assertEquals("no code today", email.newText());
        assertFalse(email.fullText().contains("\0"));
    }

    @Test
    void aOneMegabyteHeaderIsCut() {
        String mail = HEADERS.replace("Subject: hostile", "Subject: " + "A".repeat(1024 * 1024))
                + "X-Junk: " + "b ".repeat(512 * 1024) + "\r\nContent-Type: text/plain\r\n\r\nbody\r\n";
        ParsedEmail email = assertTimeoutPreemptively(QUICK, () -> parser.parse(bytes(mail)));
        assertEquals(ParsingLimits.DEFAULT.maxHeaderChars(), email.subject().length());
        assertEquals("body", email.newText());
    }

    @Test
    void aTwentyFourMebibyteAttachmentIsMeasuredNotKept() {
        byte[] content = new byte[24 * 1024 * 1024];
        new Random(7).nextBytes(content);
        String head = HEADERS + "Content-Type: multipart/mixed; boundary=\"att\"\r\n\r\n--att\r\nContent-Type: text/plain\r\n\r\n"
                + "log attached\r\n--att\r\nContent-Type: application/zip; name=\"logs.zip\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"logs.zip\"\r\n\r\n";
        byte[] mail = concat(concat(head.getBytes(StandardCharsets.US_ASCII), Base64.getMimeEncoder().encode(content)),
                "\r\n--att--\r\n".getBytes(StandardCharsets.US_ASCII));
        ParsedEmail email = assertTimeoutPreemptively(QUICK, () -> parser.parse(mail));
        assertEquals(1, email.attachments().size());
        assertEquals(content.length, email.attachments().get(0).size());
        assertEquals("log attached", email.newText());
    }

    @Test
    void aHugeHtmlBodyIsCutAtTheTextLimit() {
        String mail = HEADERS + "Content-Type: text/html\r\n\r\n" + "<div><b>x</b>".repeat(400_000);
        ParsedEmail email = assertTimeoutPreemptively(QUICK, () -> parser.parse(bytes(mail)));
        assertTrue(email.fullText().length() <= ParsingLimits.DEFAULT.maxTextChars());
    }

    @Test
    void aMultipartWithoutItsBoundaryIsReadAsText() {
        String mail = HEADERS + "Content-Type: multipart/mixed; boundary=\"never-used\"\r\n\r\nmy code never arrives\r\n";
        ParsedEmail email = parser.parse(bytes(mail));
        assertTrue(email.fullText().contains("my code never arrives"), email.fullText());
    }

    @Test
    void unterminatedMultipartKeepsWhatItHas() {
        String mail = HEADERS + "Content-Type: multipart/alternative; boundary=\"u\"\r\n\r\n--u\r\n"
                + "Content-Type: text/plain\r\n\r\nthe code is late\r\n--u\r\nContent-Type: text/html\r\n\r\n<p>the co";
        assertEquals("the code is late", parser.parse(bytes(mail)).newText());
    }

    @Test
    void emptyInputIsUnreadable() {
        assertThrows(UnreadableEmailException.class, () -> parser.parse(new byte[0]));
        assertThrows(UnreadableEmailException.class, () -> parser.parse(null));
    }

    @Test
    void textWithoutHeadersIsUnreadable() {
        assertThrows(UnreadableEmailException.class, () -> parser.parse(bytes("hello world")));
        assertThrows(UnreadableEmailException.class, () -> parser.parse(bytes("hello world\r\n\r\nmore text\r\n")));
    }

    @Test
    void randomBinaryIsUnreadable() {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        assertThrows(UnreadableEmailException.class, () -> parser.parse(garbage));
    }

    @Test
    void headersWithoutAFromAddressAreUnreadable() {
        assertThrows(UnreadableEmailException.class,
                () -> parser.parse(bytes("To: support@contoso.com\r\nSubject: hi\r\n\r\nbody\r\n")));
        UnreadableEmailException noAddress = assertThrows(UnreadableEmailException.class,
                () -> parser.parse(bytes("From: undisclosed sender\r\nSubject: hi\r\n\r\nbody\r\n")));
        assertTrue(noAddress.getMessage().contains("no address"));
    }

    @Test
    void aBrokenFromHeaderStillYieldsItsAddress() {
        ParsedEmail email = parser.parse(bytes("From: \"Unclosed <Jo.Smith@Contoso.com>\r\n\r\nbody\r\n"));
        assertEquals("jo.smith@contoso.com", email.fromAddress());
    }

    private static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
