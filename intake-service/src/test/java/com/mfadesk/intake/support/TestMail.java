package com.mfadesk.intake.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A plain-text mail as a mail server would deliver it (CRLF line ends, UTF-8 body), built for one test:
 * {@code TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>").subject("…").body("…").bytes()}.
 * Every mail gets a fresh {@code Message-ID} unless told otherwise.
 */
public final class TestMail {

    private final String from;
    private String subject = "Sign-in help";
    private String messageId = "<" + UUID.randomUUID() + "@mail.test.contoso.com>";
    private final List<String> extraHeaders = new ArrayList<>();
    private String body = "Hello,\r\nI cannot sign in.\r\n";

    private TestMail(String from) {
        this.from = from;
    }

    public static TestMail from(String from) {
        return new TestMail(from);
    }

    public TestMail subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestMail messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    public TestMail withoutMessageId() {
        this.messageId = null;
        return this;
    }

    /** A reply: {@code In-Reply-To} and {@code References} name the earlier message. */
    public TestMail replyTo(String earlierMessageId) {
        return header("In-Reply-To", earlierMessageId).header("References", earlierMessageId);
    }

    public TestMail header(String name, String value) {
        extraHeaders.add(name + ": " + value);
        return this;
    }

    /** The body text; lines may end in LF, they are sent with CRLF. */
    public TestMail body(String body) {
        this.body = body;
        return this;
    }

    public String messageId() {
        return messageId;
    }

    public byte[] bytes() {
        StringBuilder mail = new StringBuilder();
        mail.append("Return-Path: <").append(address(from)).append(">\r\n");
        mail.append("From: ").append(from).append("\r\n");
        mail.append("To: Contoso IT Support <support@contoso.com>\r\n");
        mail.append("Subject: ").append(subject).append("\r\n");
        mail.append("Date: Wed, 25 Nov 2026 10:00:00 +0000\r\n");
        if (messageId != null) {
            mail.append("Message-ID: ").append(messageId).append("\r\n");
        }
        extraHeaders.forEach(h -> mail.append(h).append("\r\n"));
        mail.append("MIME-Version: 1.0\r\n");
        mail.append("Content-Type: text/plain; charset=\"utf-8\"\r\n");
        mail.append("Content-Transfer-Encoding: 8bit\r\n");
        mail.append("\r\n");
        mail.append(body.replace("\r\n", "\n").replace("\n", "\r\n"));
        return mail.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String address(String from) {
        int open = from.indexOf('<');
        return open < 0 ? from.trim() : from.substring(open + 1, from.indexOf('>', open)).trim();
    }
}
