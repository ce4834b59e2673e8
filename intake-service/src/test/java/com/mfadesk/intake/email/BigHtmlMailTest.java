package com.mfadesk.intake.email;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 5 MB HTML-only mail (a forwarded sign-in report under a short request) is rendered only as far as
 * {@link ParsingLimits#maxHtmlBytes()}: the request on top is still the new text, whole and in the right charset,
 * and parsing it costs a bounded amount of memory instead of several copies of the mail.
 */
class BigHtmlMailTest {

    static final String REQUEST = "Hallo,\n\nseit heute Morgen kommt der Bestätigungscode nicht mehr auf mein Handy. "
            + "Können Sie helfen?\n\nGrüße\nJürgen Maß";

    private final EmailParser parser = new EmailParser();

    @Test
    void theNewTextOfAFiveMegabyteHtmlMailIsKept() {
        byte[] mail = bigHtmlMail(true, "<bightml-1@contoso.com>");
        assertTrue(mail.length > 5_000_000, mail.length + " bytes");

        ParsedEmail email = parser.parse(mail);

        assertEquals(REQUEST + "\nBelow is the report, in case it helps.", email.newText());
        assertTrue(email.parseWarnings().stream().anyMatch(w -> w.startsWith("an HTML part is longer than")),
                email.parseWarnings().toString());
        assertTrue(email.fullText().contains("Sign-in activity"), "the forwarded header rendered");
        assertFalse(email.fullText().contains("End of report"), "the report's end was not rendered");
    }

    @Test
    void theRequestAfterAFiveMegabyteInlineImageIsRead() {
        // pasted screenshots arrive as data: URIs; they are not text and do not count against the HTML budget
        String image = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg"
                .repeat(52_000);
        String html = "<html><body><p><img src=\"data:image/png;base64," + image + "\" alt=\"screenshot\"></p>"
                + "<p>Hello, since this morning the code never arrives on my phone, see the screenshot above.</p>"
                + "<p><img src='data:image/jpeg;base64," + image.substring(0, 400_000) + "'></p>"
                + "<p>Thanks, Jürgen</p></body></html>";
        byte[] mail = mail(html, "<bightml-5@contoso.com>", "text/html; charset=utf-8");
        assertTrue(mail.length > 5_000_000, mail.length + " bytes");

        ParsedEmail email = parser.parse(mail);

        assertTrue(email.newText().contains("the code never arrives on my phone"), email.newText());
        assertTrue(email.newText().contains("Thanks, Jürgen"), email.newText());
        assertFalse(email.newText().contains("iVBOR"), "no image data in the text");
    }

    @Test
    void withoutAQuoteBoundaryTheNewTextIsTheRenderedStart() {
        ParsedEmail email = parser.parse(bigHtmlMail(false, "<bightml-2@contoso.com>"));

        assertTrue(email.newText().startsWith(REQUEST + "\nBelow is the report"), email.newText().substring(0, 200));
        assertFalse(email.newText().contains("End of report"));
    }

    /**
     * The render stops inside a multi-byte character of an HTML part without a charset label, which is sniffed:
     * the start must still read as UTF-8, not as windows-1252.
     */
    @Test
    void aCharacterCutByTheLimitDoesNotGarbleTheText() {
        int limit = ParsingLimits.DEFAULT.maxHtmlBytes();
        int shift = 0;
        while ((html(false, shift).getBytes(StandardCharsets.UTF_8)[limit] & 0xC0) != 0x80) {
            shift++; // until the limit falls between the two bytes of an umlaut
        }
        ParsedEmail email = parser.parse(mail(html(false, shift), "<bightml-3@contoso.com>", "text/html"));
        assertTrue(email.newText().startsWith(REQUEST), email.newText().substring(0, 100));
    }

    @Test
    void parsingItAllocatesLessThanTheMailItself() {
        byte[] mail = bigHtmlMail(true, "<bightml-4@contoso.com>");
        parser.parse(mail); // classes loaded, caches filled
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        parser.parse(mail);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < mail.length, allocated + " bytes allocated for a mail of " + mail.length);
    }

    static byte[] bigHtmlMail(boolean outlookHeaderBox, String messageId) {
        return mail(html(outlookHeaderBox, 0), messageId, "text/html; charset=\"utf-8\"");
    }

    /**
     * Outlook-style HTML: the request, then (with {@code outlookHeaderBox}) the header box of a forwarded mail, then a
     * report table (a mail of about 5 MB) whose cells are mostly umlauts (two bytes each in UTF-8); {@code shift} moves the
     * table by as many bytes.
     */
    static String html(boolean outlookHeaderBox, int shift) {
        StringBuilder html = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                + "charset=utf-8\"><style>p.MsoNormal{margin:0cm;font-family:\"Calibri\",sans-serif;}</style></head>"
                + "<body lang=\"DE\"><div class=\"WordSection1\">");
        for (String line : REQUEST.split("\n")) {
            html.append("<p class=\"MsoNormal\">").append(line.isEmpty() ? "<o:p>&nbsp;</o:p>" : line)
                    .append("</p>\r\n");
        }
        html.append("x".repeat(shift)).append("<p class=\"MsoNormal\">Below is the report, in case it helps.</p>\r\n");
        if (outlookHeaderBox) {
            html.append("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p class=\"MsoNormal\"><b>Von:</b> "
                    + "Azure AD Reports<br><b>Gesendet:</b> Montag, 4. März 2024 07:02<br><b>Betreff:</b> "
                    + "Sign-in activity</p></div>");
        }
        html.append("<table class=\"MsoNormalTable\" border=\"1\">");
        for (int row = 0; html.length() < 1_500_000; row++) { // 5 MB once quoted-printable
            html.append("<tr><td><p class=\"MsoNormal\">row ").append(row).append("</p></td><td><p class=\"MsoNormal\">"
                    + "Prüfung läuft über Büro-Netzwerk: ").append("äöüßÄÖÜ".repeat(12)).append("</p></td></tr>\r\n");
        }
        return html.append("<tr><td>End of report</td></tr></table></div></body></html>").toString();
    }

    /** A mail with {@code html} as its only part, quoted-printable. */
    static byte[] mail(String html, String messageId, String contentType) {
        String headers = "From: =?utf-8?q?J=C3=BCrgen_Ma=C3=9F?= <juergen.mass@contoso.com>\r\n"
                + "To: support@contoso.com\r\nSubject: =?utf-8?q?WG:_Best=C3=A4tigungscode_fehlt?=\r\n"
                + "Date: Mon, 4 Mar 2024 09:12:00 +0100\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
        ByteArrayOutputStream mail = new ByteArrayOutputStream(8 * 1024 * 1024);
        mail.writeBytes(headers.getBytes(StandardCharsets.US_ASCII));
        mail.writeBytes(quotedPrintable(html.getBytes(StandardCharsets.UTF_8)));
        return mail.toByteArray();
    }

    private static byte[] quotedPrintable(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 2);
        int column = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                i++;
                column = 0;
                continue;
            }
            String encoded = b >= 33 && b <= 126 && b != '=' ? String.valueOf((char) b) : "=%02X".formatted(b);
            if (column + encoded.length() > 75) {
                out.writeBytes("=\r\n".getBytes(StandardCharsets.US_ASCII));
                column = 0;
            }
            out.writeBytes(encoded.getBytes(StandardCharsets.US_ASCII));
            column += encoded.length();
        }
        return out.toByteArray();
    }
}
