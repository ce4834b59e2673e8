package com.mfadesk.intake.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a MIME tree, bounded by {@link ParsingLimits}, and collects its text and attachment metadata.
 *
 * <ul>
 *   <li>{@code multipart/alternative}: text/plain when it has any text, else the HTML, else the richest multipart;
 *       the other branches are walked for attachments only (Apple Mail puts attachments in the HTML branch).</li>
 *   <li>{@code multipart/related} and {@code multipart/report}: the first part is the text, the rest are inline
 *       images or machine-readable report parts.</li>
 *   <li>{@code multipart/signed}: the first part; the signature is not an attachment anyone wants to see.</li>
 *   <li>{@code message/rfc822}: a forwarded mail; listed as an attachment, and its text is history: full text only.</li>
 *   <li>Everything with a file name or {@code attachment} disposition, and anything not text: metadata only
 *       (TNEF {@code winmail.dat} included).</li>
 * </ul>
 */
final class MimeBodyReader {

    private static final Set<String> SIGNATURE_TYPES = Set.of("application/pkcs7-signature",
            "application/x-pkcs7-signature", "application/pgp-signature");
    private static final Set<String> REPORT_TYPES = Set.of("message/delivery-status", "message/global-delivery-status",
            "message/disposition-notification", "message/global-disposition-notification", "text/rfc822-headers",
            "message/feedback-report");

    private final ParsingLimits limits;
    private final Session session;
    private final HtmlToText htmlToText = new HtmlToText();

    MimeBodyReader(ParsingLimits limits, Session session) {
        this.limits = limits;
        this.session = session;
    }

    MessageBody read(MimePart root) {
        Walk walk = new Walk();
        walk.part(root, 0, true, false, "text/plain");
        return walk.result();
    }

    /** One text part as rendered: all of it, and the part before history its structure marks. */
    private record Segment(String fullText, String authoredText, boolean hasQuote, boolean history) {
    }

    /** State of one walk over one message; a new one per message, so the reader itself holds no state. */
    private final class Walk {
        private final List<Segment> segments = new ArrayList<>();
        private final List<EmailAttachment> attachments = new ArrayList<>();
        private final Set<String> warnings = new LinkedHashSet<>();
        private int partsVisited;
        private Part lastDecodedPart;
        private String lastDecodedText;

        void part(Part part, int depth, boolean wantText, boolean history, String defaultType) {
            if (++partsVisited > limits.maxPartsVisited()) {
                warnings.add("more than " + limits.maxPartsVisited() + " MIME parts: the rest was not read");
                return;
            }
            HeaderValues headers = new HeaderValues(part, limits.maxHeaderChars());
            HeaderValues.MimeType type = headers.mimeType(defaultType);
            if (type.isMultipart()) {
                multipart(part, type, depth, wantText, history);
                return;
            }
            String disposition = disposition(headers);
            String fileName = fileName(headers, type);
            if (type.is("message/rfc822") || type.is("message/global")) {
                attachedMessage(part, headers, fileName, depth, wantText, history);
                return;
            }
            boolean attachment = "attachment".equals(disposition) || fileName != null;
            if (!attachment && (type.is("text/plain") || type.is("text/html"))) {
                if (wantText) {
                    text(part, headers, type, history);
                }
                return;
            }
            if (SIGNATURE_TYPES.contains(type.baseType()) || (!attachment && REPORT_TYPES.contains(type.baseType()))) {
                return;
            }
            boolean inline = "inline".equals(disposition) || (disposition == null && headers.has("Content-ID"));
            attachments.add(new EmailAttachment(fileName != null ? fileName : "unnamed", type.baseType(),
                    decodedSize(part, headers), inline));
        }

        private void multipart(Part part, HeaderValues.MimeType type, int depth, boolean wantText, boolean history) {
            if (depth >= limits.maxMultipartDepth()) {
                warnings.add("multiparts nested deeper than " + limits.maxMultipartDepth() + ": inner parts were not read");
                return;
            }
            MimeMultipart multipart;
            int count;
            try {
                multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
                count = multipart.getCount();
            } catch (MessagingException | RuntimeException e) {
                warnings.add("unreadable " + type.baseType() + " (" + e.getMessage() + "): read as plain text");
                if (wantText) {
                    text(part, new HeaderValues(part, limits.maxHeaderChars()), type, history);
                }
                return;
            }
            String subtype = type.subtype();
            String childDefault = subtype.equals("digest") ? "message/rfc822" : "text/plain";
            int textChild = subtype.equals("alternative") ? preferredAlternative(multipart, count) : -1;
            for (int i = 0; i < count; i++) {
                BodyPart child;
                try {
                    child = multipart.getBodyPart(i);
                } catch (MessagingException | RuntimeException e) {
                    warnings.add("unreadable MIME part: " + e.getMessage());
                    continue;
                }
                switch (subtype) {
                    case "alternative" -> part(child, depth + 1, wantText && i == textChild, history, childDefault);
                    case "signed" -> {
                        if (i == 0) {
                            part(child, depth + 1, wantText, history, childDefault);
                        }
                    }
                    case "report" -> {
                        if (i == 0) {
                            part(child, depth + 1, wantText, history, childDefault);
                        }
                    }
                    case "related" -> part(child, depth + 1, wantText && i == 0, history, childDefault);
                    default -> part(child, depth + 1, wantText, history, childDefault);
                }
            }
        }

        /** Index of the alternative to read: plain text with any text in it, else HTML, else the last multipart. */
        private int preferredAlternative(MimeMultipart multipart, int count) {
            int html = -1;
            int nested = -1;
            for (int i = 0; i < count && i < limits.maxPartsVisited(); i++) {
                try {
                    BodyPart child = multipart.getBodyPart(i);
                    HeaderValues headers = new HeaderValues(child, limits.maxHeaderChars());
                    HeaderValues.MimeType type = headers.mimeType("text/plain");
                    if (type.is("text/plain") && !decodeText(child, headers, type).isBlank()) {
                        return i;
                    } else if (type.is("text/html") && html < 0) {
                        html = i;
                    } else if (type.isMultipart()) {
                        nested = i;
                    }
                } catch (MessagingException | RuntimeException e) {
                    // an unreadable alternative is simply not chosen
                }
            }
            return html >= 0 ? html : nested >= 0 ? nested : 0;
        }

        private void text(Part part, HeaderValues headers, HeaderValues.MimeType type, boolean history) {
            String text = decodeText(part, headers, type);
            if (type.is("text/html")) {
                HtmlToText.HtmlText html = htmlToText.render(text);
                segments.add(new Segment(html.text(), html.authoredText(), html.hasQuote(), history));
                return;
            }
            if ("flowed".equalsIgnoreCase(type.parameter("format"))) {
                text = FlowedText.decode(text, "yes".equalsIgnoreCase(type.parameter("delsp")));
            }
            segments.add(new Segment(text, text, false, history));
        }

        /**
         * The part's text, decoded as it is read and only as far as it is used: an HTML part to
         * {@link ParsingLimits#maxHtmlBytes()}, any other to {@link ParsingLimits#maxTextBytes()}. The plain-text
         * alternative is decoded once to see whether it is blank and once more to be read, so the last one is kept.
         */
        private String decodeText(Part part, HeaderValues headers, HeaderValues.MimeType type) {
            if (part == lastDecodedPart) {
                return lastDecodedText;
            }
            boolean html = type.is("text/html");
            int limit = html ? limits.maxHtmlBytes() : limits.maxTextBytes();
            String text;
            try (InputStream decoded = TransferDecoding.decoding(rawStream(part),
                    headers.first("Content-Transfer-Encoding"));
                 InputStream in = html ? new InlineDataSkipping(decoded) : decoded) {
                byte[] bytes = in.readNBytes(limit);
                if (bytes.length == limit && in.read() >= 0) {
                    warnings.add(html ? "an HTML part is longer than " + limit + " bytes: only its start was rendered"
                            : "a text part is longer than " + limit + " bytes: the rest was not read");
                    text = BestEffortCharsets.decodePrefix(bytes, type.parameter("charset"));
                } else {
                    text = BestEffortCharsets.decode(bytes, type.parameter("charset"));
                }
            } catch (IOException | MessagingException | RuntimeException e) {
                warnings.add("unreadable part content: " + e.getMessage());
                text = "";
            }
            lastDecodedPart = part;
            lastDecodedText = text;
            return text;
        }

        private void attachedMessage(Part part, HeaderValues headers, String fileName, int depth, boolean wantText,
                                     boolean history) {
            attachments.add(new EmailAttachment(fileName != null ? fileName : "forwarded.eml", "message/rfc822",
                    decodedSize(part, headers), false));
            if (!wantText) {
                return;
            }
            if (depth >= limits.maxMultipartDepth()) {
                warnings.add("messages nested deeper than " + limits.maxMultipartDepth() + ": inner ones were not read");
                return;
            }
            MimeMessage inner;
            try {
                inner = innerMessage(part, headers.first("Content-Transfer-Encoding"));
            } catch (IOException | MessagingException | RuntimeException e) {
                warnings.add("unreadable attached message: " + e.getMessage());
                return;
            }
            HeaderValues innerHeaders = new HeaderValues(inner, limits.maxHeaderChars());
            StringBuilder header = new StringBuilder("---------- Forwarded message ----------\n");
            appendHeader(header, "From", innerHeaders.first("From"));
            appendHeader(header, "Date", innerHeaders.first("Date"));
            appendHeader(header, "Subject", EncodedWords.decode(innerHeaders.first("Subject")));
            appendHeader(header, "To", innerHeaders.first("To"));
            segments.add(new Segment(header.toString(), "", false, true));
            part(inner, depth + 1, true, true, "text/plain");
        }

        /**
         * The attached message as a view of the bytes it came in, the way Jakarta Mail shares one buffer between a
         * message and its parts: a mail forwarded inside a mail inside a mail costs no copy per level. Only an
         * attached message with a transfer encoding (RFC 2046 allows none, but it happens) is decoded into a copy.
         */
        private MimeMessage innerMessage(Part part, String encoding) throws IOException, MessagingException {
            InputStream raw = rawStream(part);
            if (raw instanceof SharedInputStream && TransferDecoding.isIdentity(encoding)) {
                return new MimeMessage(session, raw);
            }
            try (InputStream in = TransferDecoding.decoding(raw, encoding)) {
                return new MimeMessage(session, new SharedByteArrayInputStream(in.readAllBytes()));
            }
        }

        private void appendHeader(StringBuilder header, String name, String value) {
            if (value != null) {
                header.append(name).append(": ").append(value).append('\n');
            }
        }

        private long decodedSize(Part part, HeaderValues headers) {
            try (InputStream in = rawStream(part)) {
                return TransferDecoding.decodedSize(in, headers.first("Content-Transfer-Encoding"));
            } catch (IOException | MessagingException | RuntimeException e) {
                return -1;
            }
        }

        private InputStream rawStream(Part part) throws MessagingException, IOException {
            if (part instanceof MimeBodyPart bodyPart) {
                return bodyPart.getRawInputStream();
            }
            if (part instanceof MimeMessage message) {
                return message.getRawInputStream();
            }
            return part.getInputStream();
        }

        private String disposition(HeaderValues headers) {
            String raw = headers.first("Content-Disposition");
            if (raw == null || raw.isBlank()) {
                return null;
            }
            int end = raw.indexOf(';');
            return (end >= 0 ? raw.substring(0, end) : raw).strip().toLowerCase(Locale.ROOT);
        }

        private String fileName(HeaderValues headers, HeaderValues.MimeType type) {
            String raw = headers.first("Content-Disposition");
            String name = null;
            if (raw != null) {
                try {
                    name = new ContentDisposition(raw).getParameter("filename");
                } catch (MessagingException | RuntimeException e) {
                    name = HeaderValues.fallbackParameter(raw, "filename");
                }
            }
            if (name == null || name.isBlank()) {
                name = type.parameter("name");
            }
            if (name == null) {
                return null;
            }
            name = EncodedWords.decode(name).strip();
            return name.isEmpty() ? null : name;
        }

        MessageBody result() {
            StringBuilder full = new StringBuilder();
            StringBuilder authored = new StringBuilder();
            boolean historyReached = false;
            for (Segment segment : segments) {
                appendSection(full, segment.fullText());
                if (segment.history()) {
                    historyReached = true;
                } else if (!historyReached) {
                    appendSection(authored, segment.authoredText());
                    historyReached = segment.hasQuote();
                }
            }
            String fullText = TextTidy.tidy(full);
            if (fullText.length() > limits.maxTextChars()) {
                warnings.add("text longer than " + limits.maxTextChars() + " characters: cut");
                fullText = fullText.substring(0, limits.maxTextChars());
            }
            String authoredText = authored.length() > limits.maxTextChars()
                    ? authored.substring(0, limits.maxTextChars()) : authored.toString();
            return new MessageBody(fullText, authoredText, attachments, List.copyOf(warnings));
        }

        private void appendSection(StringBuilder out, String text) {
            if (text.isBlank()) {
                return;
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(text);
        }
    }
}
