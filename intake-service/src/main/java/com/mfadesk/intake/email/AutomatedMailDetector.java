package com.mfadesk.intake.email;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a mail was sent by a machine and must not be answered (RFC 3834 and the usual extensions).
 *
 * <p>{@code X-Auto-Response-Suppress} alone is deliberately not a reason: Exchange and Outlook put it on ordinary
 * user mail (meeting responses, mail sent through some connectors), and this system's own replies carry it too,
 * where the sender check and our marker header already apply. Only with another sign does it count, and then that
 * sign decides anyway. List and bulk mail is not ignored here either: it is flagged {@link ParsedEmail#bulk()}.
 */
final class AutomatedMailDetector {

    /** What the detector looks at, read from the headers by the parser. */
    record Signals(String contentType, String reportType, String autoSubmitted, String precedence,
                   boolean autoReplyHeader, boolean ndrHeader, boolean nullReturnPath, String fromAddress,
                   String subject) {
    }

    private static final Set<String> DAEMON_SENDERS =
            Set.of("mailer-daemon", "mail-daemon", "mailerdaemon", "postmaster", "mailer_daemon");

    private static final Pattern OUT_OF_OFFICE_SUBJECT = Pattern.compile(
            "^\\s*(automatic reply|auto-?reply|autoreply|out of (the )?office( auto-?reply)?|automatische antwort"
                    + "|abwesenheitsnotiz|réponse automatique|respuesta automática|automatisch antwoord"
                    + "|resposta automática|risposta automatica|autosvar|automatisk svar|automaattinen vastaus)"
                    + "[\\s\\u00A0]?:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "^\\s*(undeliverable|undelivered mail|delivery status notification|mail delivery failed|delivery failure"
                    + "|returned mail|failure notice|mail system error|unzustellbar|non remis|no se puede entregar"
                    + "|onbestelbaar|não é possível entregar|non recapitabile)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    IgnoreReason reasonToIgnore(Signals signals) {
        String contentType = lower(signals.contentType());
        String reportType = lower(signals.reportType());
        boolean report = contentType.equals("multipart/report");
        if ((report && reportType.equals("disposition-notification"))
                || contentType.equals("message/disposition-notification")) {
            return IgnoreReason.READ_RECEIPT;
        }
        if ((report && reportType.equals("delivery-status")) || contentType.equals("message/delivery-status")
                || signals.ndrHeader() || isDaemon(signals.fromAddress())
                || (signals.nullReturnPath() && (report || BOUNCE_SUBJECT.matcher(nonNull(signals.subject())).lookingAt()))) {
            return IgnoreReason.BOUNCE;
        }
        String autoSubmitted = lower(signals.autoSubmitted());
        int parameters = autoSubmitted.indexOf(';');
        if (parameters >= 0) {
            autoSubmitted = autoSubmitted.substring(0, parameters).strip();
        }
        if ((!autoSubmitted.isEmpty() && !autoSubmitted.equals("no"))
                || signals.autoReplyHeader()
                || lower(signals.precedence()).equals("auto_reply")
                || OUT_OF_OFFICE_SUBJECT.matcher(nonNull(signals.subject())).lookingAt()) {
            return IgnoreReason.AUTO_REPLY;
        }
        return null;
    }

    static boolean isBulk(String precedence, boolean listId, boolean listUnsubscribe) {
        String value = lower(precedence);
        return listId || listUnsubscribe || value.equals("bulk") || value.equals("junk") || value.equals("list");
    }

    private static boolean isDaemon(String address) {
        if (address == null) {
            return false;
        }
        int at = address.indexOf('@');
        return at > 0 && DAEMON_SENDERS.contains(address.substring(0, at).toLowerCase(Locale.ROOT));
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
