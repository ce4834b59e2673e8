package com.mfadesk.intake.email;

import com.mfadesk.testsupport.SharedDocuments;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailParserTest {

    private final EmailParser parser = new EmailParser();

    private ParsedEmail parse(String headers, String body) {
        return parser.parse((headers + "\r\n" + body).replace("\n", "\r\n").replace("\r\r\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ownRepliesAreRecognisableBySenderAndMarker() {
        ParsedEmail email = parse("""
                From: Contoso IT Support <Support@Contoso.com>
                To: greg.tanaka@contoso.com
                X-Auto-Response-Suppress: All
                X-MFA-Desk-Case: 0f3c6a52
                """, "Hi Greg\n");
        assertTrue(email.isFrom("support@contoso.com"));
        assertTrue(email.isFrom(" <SUPPORT@contoso.com> "));
        assertFalse(email.isFrom("helpdesk@contoso.com"));
        assertFalse(email.isFrom(null));
        assertTrue(email.isOwnReply());
        assertEquals("0f3c6a52", email.ownReplyMarker());
        assertNull(email.ignoreReason(), "the caller decides about own mail with SUPPORT_MAILBOX");
    }

    @Test
    void threadingHeadersKeepTheirAngleBrackets() {
        ParsedEmail email = parse("""
                From: a@contoso.com
                Message-ID:   bare-id@contoso.com
                In-Reply-To: <parent@x> (comment)
                References: <root@x>
                 <middle@x> <parent@x>
                Thread-Index: AQHaa7JyeZ+8tKHKsvYd0B+9VGKqVQ==
                Date: Mon, 4 Mar 2024 08:46:55 -0700
                """, "text\n");
        assertEquals("<bare-id@contoso.com>", email.messageId());
        assertEquals(java.util.List.of("<parent@x>"), email.inReplyTo());
        assertEquals(java.util.List.of("<root@x>", "<middle@x>", "<parent@x>"), email.references());
        assertEquals("AQHaa7JyeZ+8tKHKsvYd0B+9VGKqVQ==", email.threadIndex());
        assertEquals(Instant.parse("2024-03-04T15:46:55Z"), email.date());
    }

    @Test
    void aHugeReferencesListKeepsTheRootAndTheLatest() {
        String references = IntStream.range(0, 5000).mapToObj(i -> "<id" + i + "@x>").collect(Collectors.joining(" "));
        ParsedEmail email = parse("From: a@contoso.com\nReferences: " + references + "\n", "text\n");
        assertEquals(ParsingLimits.DEFAULT.maxListEntries(), email.references().size());
        assertEquals("<id0@x>", email.references().get(0));
        assertEquals("<id4999@x>", email.references().get(email.references().size() - 1));
    }

    @Test
    void missingOrBrokenOptionalHeadersAreNull() {
        ParsedEmail email = parse("From: a@contoso.com\nDate: the day before yesterday\n", "text\n");
        assertNull(email.messageId());
        assertNull(email.date());
        assertNull(email.threadIndex());
        assertEquals("", email.subject());
        assertTrue(email.attachments().isEmpty());
        assertTrue(email.parseWarnings().isEmpty());
    }

    @Test
    void theRawHashIdentifiesAMailWithoutMessageId() {
        ParsedEmail first = parse("From: a@contoso.com\n", "text\n");
        ParsedEmail again = parse("From: a@contoso.com\n", "text\n");
        ParsedEmail other = parse("From: a@contoso.com\n", "other text\n");
        assertEquals(64, first.rawSha256().length());
        assertEquals(first.rawSha256(), again.rawSha256());
        assertNotEquals(first.rawSha256(), other.rawSha256());
    }

    @Test
    void rawUtf8AndWindows1252HeadersAreReadAsMeant() {
        byte[] utf8 = "From: Jörg Groß <jorg@contoso.com>\r\nSubject: Grüße\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8);
        ParsedEmail fromUtf8 = parser.parse(utf8);
        assertEquals("Jörg Groß", fromUtf8.fromName());
        assertEquals("Grüße", fromUtf8.subject());
        byte[] cp1252 = "From: jorg@contoso.com\r\nSubject: Grüße – ok\r\n\r\nx\r\n".getBytes(BestEffortCharsets.WINDOWS_1252);
        assertEquals("Grüße – ok", parser.parse(cp1252).subject());
    }

    @Test
    void anMboxEnvelopeLineIsSkipped() {
        ParsedEmail email = parse("From a@contoso.com Mon Mar  4 10:00:00 2024\nFrom: b@contoso.com\n", "text\n");
        assertEquals("b@contoso.com", email.fromAddress());
    }

    @Test
    void usefulHeadersAreKeptForDiagnosis() {
        ParsedEmail email = parse("""
                Return-Path: <>
                From: a@contoso.com
                Auto-Submitted: auto-replied
                X-Mailer: iPhone Mail
                """, "text\n");
        assertEquals("<>", email.returnPath());
        assertEquals("auto-replied", email.autoSubmitted());
        assertEquals("iPhone Mail", email.headers().get("x-mailer"));
        assertEquals("<>", email.headers().get("return-path"));
    }

    @Test
    void theCorpusReSendParsesLikeTheOriginal() {
        DevCorpus corpus = new DevCorpus();
        SharedDocuments.assumeAvailable(corpus.isAvailable(), "shared/dev-corpus next to this clone");
        ParsedEmail original = parser.parse(corpus.emailBytes("h246"));
        ParsedEmail resend = parser.parse(corpus.emailBytes("h247"));
        assertEquals(original, resend);
    }
}
