package com.mfadesk.intake.email;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mail forwarded as an attachment 25 times over (message/rfc822 in message/rfc822…) around a 4 MB part: each level
 * is a view of the same bytes, so parsing it costs a bounded multiple of the mail, not one copy per level.
 */
class NestedMessageMemoryTest {

    private final EmailParser parser = new EmailParser();

    @Test
    void twentyFiveNestedForwardsCostLessThanFourTimesTheMail() {
        byte[] mail = nested(25);
        assertTrue(mail.length > 4_000_000, mail.length + " bytes");
        parser.parse(mail); // classes loaded, caches filled
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        ParsedEmail email = parser.parse(mail);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(email.newText().contains("the code never arrives"), email.newText());
        assertTrue(allocated < 4L * mail.length, allocated + " bytes allocated for a mail of " + mail.length);
    }

    private static byte[] nested(int levels) {
        char[] filler = new char[76];
        Arrays.fill(filler, 'A');
        StringBuilder report = new StringBuilder(4_300_000);
        while (report.length() < 4_200_000) {
            report.append(filler).append("\r\n");
        }
        String inner = "From: Jo Bloggs <jo.bloggs@contoso.com>\r\nTo: support@contoso.com\r\nSubject: report\r\n"
                + "Message-ID: <level-0@contoso.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"r\"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\n"
                + "see the log\r\n--r\r\nContent-Type: application/octet-stream; name=\"log.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"log.bin\"\r\n\r\n"
                + report + "--r--\r\n";
        ByteArrayOutputStream mail = new ByteArrayOutputStream(5_000_000);
        mail.writeBytes(inner.getBytes(StandardCharsets.US_ASCII));
        for (int level = 1; level <= levels; level++) {
            String text = level == levels ? "Hello, the code never arrives on my phone, see the forwarded mails.\r\n"
                    : "fwd " + level + "\r\n";
            String head = "From: Jo Bloggs <jo.bloggs@contoso.com>\r\nTo: support@contoso.com\r\nSubject: fwd " + level
                    + "\r\nMessage-ID: <level-" + level + "@contoso.com>\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"n" + level + "\"\r\n\r\n--n" + level
                    + "\r\nContent-Type: text/plain\r\n\r\n" + text + "--n" + level
                    + "\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n";
            ByteArrayOutputStream outer = new ByteArrayOutputStream(mail.size() + 1000);
            outer.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            outer.writeBytes(mail.toByteArray());
            outer.writeBytes(("\r\n--n" + level + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            mail = outer;
        }
        return mail.toByteArray();
    }
}
