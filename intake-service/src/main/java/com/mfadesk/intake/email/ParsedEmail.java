package com.mfadesk.intake.email;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A support mail as intake needs it: who sent it, how it threads, what the sender wrote in this message, and whether
 * it must be ignored.
 *
 * @param fromAddress      lower-case address of the first {@code From} mailbox
 * @param fromName         display name, RFC 2047 decoded, or null
 * @param replyTo          lower-case {@code Reply-To} addresses (never where a reply goes when outside the org)
 * @param to               lower-case {@code To} addresses
 * @param cc               lower-case {@code Cc} addresses
 * @param subject          decoded, unfolded subject ("" when absent)
 * @param messageId        {@code Message-ID} with angle brackets, or null when the mail has none
 * @param inReplyTo        message ids (with brackets) of {@code In-Reply-To}
 * @param references       message ids (with brackets) of {@code References}, oldest first
 * @param threadIndex      Outlook {@code Thread-Index}, or null
 * @param date             {@code Date} header, or null when absent or unparseable
 * @param newText          only what the sender wrote in this message: quoted history, forwarded blocks, signatures
 *                         and disclaimers removed
 * @param fullText         the whole body as text, for the help desk
 * @param attachments      attachment metadata, in MIME order
 * @param ignoreReason     why intake must not answer, or null
 * @param bulk             newsletter/list mail ({@code Precedence: bulk|junk|list}, {@code List-Id},
 *                         {@code List-Unsubscribe}); still taken in, downstream treats it as not-support
 * @param authenticationFailed the receiving server's verdict fails the mail ({@link BoundaryAuthentication})
 * @param autoSubmitted    {@code Auto-Submitted} value, or null
 * @param returnPath       {@code Return-Path} as given ({@code <>} for a null sender), or null
 * @param ownReplyMarker   value of {@code X-MFA-Desk-Case}, stamped on this system's own replies, or null
 * @param headers          a few headers useful for diagnosis, by lower-case name
 * @param rawSha256        hex SHA-256 of the raw bytes: the stable id of a mail without {@code Message-ID}
 * @param parseWarnings    limits hit and parts that could not be read; empty for ordinary mail
 */
public record ParsedEmail(
        String fromAddress,
        String fromName,
        List<String> replyTo,
        List<String> to,
        List<String> cc,
        String subject,
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        String threadIndex,
        Instant date,
        String newText,
        String fullText,
        List<EmailAttachment> attachments,
        IgnoreReason ignoreReason,
        boolean bulk,
        boolean authenticationFailed,
        String autoSubmitted,
        String returnPath,
        String ownReplyMarker,
        Map<String, String> headers,
        String rawSha256,
        List<String> parseWarnings) {

    /** Header this system stamps on its own outgoing replies; a mail carrying it must never be answered. */
    public static final String OWN_REPLY_MARKER_HEADER = "X-MFA-Desk-Case";

    public ParsedEmail {
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        headers = Map.copyOf(headers);
        parseWarnings = List.copyOf(parseWarnings);
    }

    /** True when the mail was sent from {@code address} (case-insensitive; angle brackets allowed), e.g. the support mailbox itself. */
    public boolean isFrom(String address) {
        if (address == null) {
            return false;
        }
        String wanted = address.strip();
        if (wanted.startsWith("<") && wanted.endsWith(">")) {
            wanted = wanted.substring(1, wanted.length() - 1).strip();
        }
        return fromAddress.equals(wanted.toLowerCase(Locale.ROOT));
    }

    /** True when this is one of our own replies coming back (it carries {@link #OWN_REPLY_MARKER_HEADER}). */
    public boolean isOwnReply() {
        return ownReplyMarker != null;
    }

    public boolean isIgnored() {
        return ignoreReason != null;
    }
}
