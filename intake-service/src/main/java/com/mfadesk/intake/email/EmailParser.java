package com.mfadesk.intake.email;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a raw RFC 822 mail into a {@link ParsedEmail}. Thread-safe and stateless between calls.
 *
 * <p>Only two things make a mail unreadable: no header section, and no {@code From} that parses as an address.
 * Everything else (broken base64, unknown charsets, NUL bytes, absurd nesting, megabyte headers) is read
 * best-effort within {@link ParsingLimits}, and what was skipped is listed in {@link ParsedEmail#parseWarnings()}.
 */
@Singleton
public class EmailParser {

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>]{1,998})>");
    private static final Pattern NULL_RETURN_PATH = Pattern.compile("^<\\s*>$");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[ \\t\\r\\n]+");
    private static final List<String> KEPT_HEADERS = List.of("Return-Path", "Auto-Submitted", "X-Auto-Response-Suppress",
            "X-Autoreply", "X-Autorespond", "Precedence", "List-Id", "List-Unsubscribe", "X-Mailer", "User-Agent",
            "Content-Language", "Thread-Topic", "X-MS-Exchange-Message-Is-Ndr", ParsedEmail.OWN_REPLY_MARKER_HEADER,
            "Authentication-Results", "Sender", "X-Originating-IP");
    private static final int KEPT_HEADER_CHARS = 1000;

    private final ParsingLimits limits;
    private final Session session;
    private final MimeBodyReader bodyReader;
    private final ReplyStripper replyStripper = new ReplyStripper();
    private final AutomatedMailDetector automatedMailDetector = new AutomatedMailDetector();
    private final MailDates mailDates = new MailDates();

    @Inject
    public EmailParser() {
        this(ParsingLimits.DEFAULT);
    }

    public EmailParser(ParsingLimits limits) {
        this.limits = limits;
        // A private session: nothing here reads or changes JVM-wide mail properties.
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(properties);
        this.bodyReader = new MimeBodyReader(limits, session);
    }

    /**
     * @throws UnreadableEmailException when {@code raw} has no header section or no {@code From} address
     */
    public ParsedEmail parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new UnreadableEmailException("empty message");
        }
        MimeMessage message;
        try {
            message = new MimeMessage(session, new SharedByteArrayInputStream(withoutMboxFromLine(raw)));
        } catch (MessagingException | RuntimeException e) {
            throw new UnreadableEmailException("no readable header section: " + e.getMessage(), e);
        }
        HeaderValues headers = new HeaderValues(message, limits.maxHeaderChars());
        String fromHeader = headers.first("From");
        if (fromHeader == null) {
            throw new UnreadableEmailException("no From header (or no header section at all)");
        }
        List<Mailbox> from = AddressParser.parse(fromHeader, 1);
        if (from.isEmpty()) {
            throw new UnreadableEmailException("the From header holds no address: " + abbreviate(fromHeader));
        }

        String subject = subject(headers.first("Subject"));
        String fromAddress = from.get(0).address();
        String returnPath = headers.first("Return-Path");
        HeaderValues.MimeType contentType = headers.mimeType("text/plain");
        MessageBody body = bodyReader.read(message);

        AutomatedMailDetector.Signals signals = new AutomatedMailDetector.Signals(
                contentType.baseType(), contentType.parameter("report-type"), headers.first("Auto-Submitted"),
                headers.first("Precedence"),
                headers.has("X-Autoreply") || headers.has("X-Autorespond") || headers.has("X-Auto-Reply"),
                headers.has("X-MS-Exchange-Message-Is-Ndr"),
                returnPath != null && NULL_RETURN_PATH.matcher(returnPath).matches(), fromAddress, subject);

        return new ParsedEmail(
                fromAddress,
                from.get(0).name(),
                AddressParser.addresses(headers.first("Reply-To"), limits.maxListEntries()),
                AddressParser.addresses(headers.first("To"), limits.maxListEntries()),
                AddressParser.addresses(headers.first("Cc"), limits.maxListEntries()),
                subject,
                messageId(headers.first("Message-ID")),
                messageIds(headers.firstWhole("In-Reply-To")),
                messageIds(headers.firstWhole("References")),
                blankToNull(headers.first("Thread-Index")),
                mailDates.parse(headers.first("Date")),
                replyStripper.newText(body.authoredText()),
                body.fullText(),
                body.attachments(),
                automatedMailDetector.reasonToIgnore(signals),
                AutomatedMailDetector.isBulk(headers.first("Precedence"), headers.has("List-Id"),
                        headers.has("List-Unsubscribe")),
                BoundaryAuthentication.failed(headers.first("Authentication-Results"),
                        headers.first("X-MS-Exchange-Organization-AuthAs")),
                blankToNull(headers.first("Auto-Submitted")),
                returnPath,
                blankToNull(headers.first(ParsedEmail.OWN_REPLY_MARKER_HEADER)),
                keptHeaders(headers),
                sha256(raw),
                body.warnings());
    }

    /** An mbox "From " envelope line (some exports keep it) is not a header; skip it. */
    private static byte[] withoutMboxFromLine(byte[] raw) {
        if (raw.length < 5 || !new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            return raw;
        }
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return Arrays.copyOfRange(raw, i + 1, raw.length);
            }
        }
        return raw;
    }

    private static String subject(String raw) {
        if (raw == null) {
            return "";
        }
        return WHITESPACE_RUN.matcher(EncodedWords.decode(raw)).replaceAll(" ").strip();
    }

    private static String messageId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Matcher matcher = MESSAGE_ID.matcher(raw);
        if (matcher.find()) {
            return "<" + matcher.group(1).strip() + ">";
        }
        // A bare id is taken as it is; anything else ("<>", stray brackets, spaces) is no id, so the mail is known by
        // the digest of its bytes rather than colliding with every other mail carrying the same broken header.
        String bare = raw.strip();
        return bare.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>') ? null
                : "<" + bare + ">";
    }

    /** Message ids of In-Reply-To/References; past the limit, the first (thread root) and the latest are kept. */
    private List<String> messageIds(String raw) {
        List<String> ids = new ArrayList<>();
        if (raw == null) {
            return ids;
        }
        Matcher matcher = MESSAGE_ID.matcher(raw);
        while (matcher.find()) {
            ids.add("<" + matcher.group(1).strip() + ">");
        }
        int max = limits.maxListEntries();
        if (ids.size() > max) {
            List<String> kept = new ArrayList<>(max);
            kept.add(ids.get(0));
            kept.addAll(ids.subList(ids.size() - (max - 1), ids.size()));
            return kept;
        }
        return ids;
    }

    private static Map<String, String> keptHeaders(HeaderValues headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = headers.first(name);
            if (value != null) {
                kept.put(name.toLowerCase(Locale.ROOT),
                        value.length() > KEPT_HEADER_CHARS ? value.substring(0, KEPT_HEADER_CHARS) : value);
            }
        }
        return kept;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String abbreviate(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}
