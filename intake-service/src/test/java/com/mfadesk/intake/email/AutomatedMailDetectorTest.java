package com.mfadesk.intake.email;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ignore rules, through the parser so the header reading is covered too. */
class AutomatedMailDetectorTest {

    private final EmailParser parser = new EmailParser();

    private ParsedEmail parse(String extraHeaders) {
        String mail = "From: Klaus Becker <klaus.becker@contoso.com>\r\nTo: support@contoso.com\r\n"
                + extraHeaders.replace("\n", "\r\n") + "\r\nbody\r\n";
        return parser.parse(mail.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Auto-Submitted: auto-replied\n",
            "Auto-Submitted: auto-generated; owner-email=\"x@y\"\n",
            "X-Autoreply: yes\n",
            "X-Autorespond: out of office\n",
            "Precedence: auto_reply\n",
            "Subject: Automatic reply: phone at home\n",
            "Subject: Automatische Antwort: AW: Keine SMS\n",
            "Subject: Réponse automatique : Code\n",
            "Subject: Respuesta automática: Código\n",
            "Subject: Out of Office: new phone\n",
            "X-Auto-Response-Suppress: All\nSubject: Automatic reply: hi\n",
    })
    void autoReplies(String headers) {
        assertEquals(IgnoreReason.AUTO_REPLY, parse(headers).ignoreReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Auto-Submitted: no\n",
            "X-Auto-Response-Suppress: All\n",
            "X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply\n",
            "Return-Path: <>\nSubject: phone at home\n",
            "Subject: RE: Automatic reply question: why did I get one?\n",
            "Precedence: bulk\nList-Id: <it-news.contoso.com>\n",
    })
    void ordinaryMailIsNeverIgnored(String headers) {
        assertNull(parse(headers).ignoreReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Content-Type: multipart/report; report-type=delivery-status; boundary=x\n",
            "Return-Path: <>\nSubject: Undeliverable: RE: phone\n",
            "Return-Path: <>\nContent-Type: multipart/report; report-type=\"delivery-status\"; boundary=\"x\"\n",
            "X-MS-Exchange-Message-Is-Ndr: \n",
    })
    void bounces(String headers) {
        assertEquals(IgnoreReason.BOUNCE, parse(headers).ignoreReason());
    }

    @Test
    void daemonSendersAreBounces() {
        String mail = "From: Mail Delivery Subsystem <MAILER-DAEMON@googlemail.com>\r\n\r\nbody\r\n";
        assertEquals(IgnoreReason.BOUNCE, parser.parse(mail.getBytes(StandardCharsets.US_ASCII)).ignoreReason());
    }

    @Test
    void readReceipts() {
        assertEquals(IgnoreReason.READ_RECEIPT, parse(
                "Content-Type: multipart/report; report-type=disposition-notification; boundary=x\n").ignoreReason());
    }

    @Test
    void bulkIsFlaggedNotIgnored() {
        assertTrue(parse("Precedence: bulk\n").bulk());
        assertTrue(parse("Precedence: list\n").bulk());
        assertTrue(parse("List-Unsubscribe: <mailto:u@x>\n").bulk());
        assertFalse(parse("Precedence: first-class\n").bulk());
    }

    @Test
    void dmarcFailInTheReceivingServersAuthenticationResults() {
        assertTrue(parse("Authentication-Results: spf=fail\n smtp.mailfrom=contoso.co.uk; dmarc=fail action=quarantine\n"
                + "Authentication-Results: mx.contoso.com; spf=pass; dmarc=pass\n").authenticationFailed());
        // a verdict below the receiving server's is the previous hop's, or the sender's own writing
        assertFalse(parse("Authentication-Results: mx.contoso.com; spf=pass; dmarc=pass\nAuthentication-Results: "
                + "spf=fail smtp.mailfrom=contoso.co.uk; dmarc=fail action=quarantine\n").authenticationFailed());
        assertFalse(parse("Authentication-Results: dmarc=pass action=none header.from=contoso.com\n")
                .authenticationFailed());
    }
}
