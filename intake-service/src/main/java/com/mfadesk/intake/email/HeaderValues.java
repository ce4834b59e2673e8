package com.mfadesk.intake.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header access that never throws: values unfolded, raw 8-bit bytes (UTF-8 or 1252 sent without encoding) turned
 * into the characters the sender meant, and every value cut at a length limit.
 */
final class HeaderValues {

    private static final Pattern FOLD = Pattern.compile("\\r?\\n"); // unfolding: drop the line breaks, keep the blanks
    private static final Pattern MIME_TYPE = Pattern.compile("^\\s*([A-Za-z0-9!#$&^_.+-]{1,127})/([A-Za-z0-9!#$&^_.+-]{1,127})");
    private static final Pattern PARAMETER_FALLBACK = Pattern.compile(
            "(?i);\\s*([a-z0-9*_-]{1,64})\\s*=\\s*(\"([^\"]{0,1000})\"|[^;\\s]{1,1000})");

    private final Part part;
    private final int maxChars;

    HeaderValues(Part part, int maxChars) {
        this.part = part;
        this.maxChars = maxChars;
    }

    /** The first value of {@code name}, or null. */
    String first(String name) {
        List<String> values = all(name, 1);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The first value of {@code name} without the length cut, for headers whose end matters (References: the
     * latest ids are last). Only for values scanned once with a linear pattern.
     */
    String firstWhole(String name) {
        String[] raw;
        try {
            raw = part.getHeader(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
        return raw == null || raw.length == 0 || raw[0] == null ? null : FOLD.matcher(raw[0]).replaceAll("");
    }

    List<String> all(String name, int max) {
        String[] raw;
        try {
            raw = part.getHeader(name);
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        for (String value : raw) {
            if (values.size() >= max) {
                break;
            }
            if (value != null) {
                values.add(clean(value));
            }
        }
        return values;
    }

    boolean has(String name) {
        return first(name) != null;
    }

    private String clean(String raw) {
        String value = raw.length() > maxChars * 2 ? raw.substring(0, maxChars * 2) : raw;
        value = FOLD.matcher(value).replaceAll("");
        if (value.chars().anyMatch(c -> c > 0x7F)) {
            // Jakarta Mail hands 8-bit header bytes over as ISO-8859-1 characters; get the bytes back and sniff.
            value = BestEffortCharsets.sniff(value.getBytes(StandardCharsets.ISO_8859_1));
        }
        value = value.strip();
        return value.length() > maxChars ? value.substring(0, maxChars) : value;
    }

    /** Content-Type of a part: lower-case {@code type/subtype} and its parameters, RFC 2231 decoded. */
    record MimeType(String type, String baseType, ContentType parsed, String rawValue) {

        boolean is(String wanted) {
            return baseType.equals(wanted);
        }

        boolean isMultipart() {
            return type.equals("multipart");
        }

        String subtype() {
            return baseType.substring(baseType.indexOf('/') + 1);
        }

        String parameter(String name) {
            String value = null;
            if (parsed != null) {
                try {
                    value = parsed.getParameter(name);
                } catch (RuntimeException e) {
                    value = null;
                }
            } else {
                value = fallbackParameter(rawValue, name);
            }
            return value == null ? null : EncodedWords.decode(value.strip());
        }
    }

    /** A parameter of a header that Jakarta Mail could not parse, found by a forgiving pattern. */
    static String fallbackParameter(String rawValue, String name) {
        if (rawValue == null) {
            return null;
        }
        Matcher matcher = PARAMETER_FALLBACK.matcher(rawValue);
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                return matcher.group(3) != null ? matcher.group(3) : matcher.group(2);
            }
        }
        return null;
    }

    /** The part's Content-Type; missing or unreadable types fall back to {@code defaultType} (RFC 2045: text/plain). */
    MimeType mimeType(String defaultType) {
        String raw = first("Content-Type");
        if (raw == null || raw.isBlank()) {
            return fromBase(defaultType, null, null);
        }
        try {
            ContentType parsed = new ContentType(raw);
            String base = (parsed.getPrimaryType() + "/" + parsed.getSubType()).toLowerCase(Locale.ROOT);
            return fromBase(base, parsed, raw);
        } catch (ParseException | RuntimeException e) {
            Matcher matcher = MIME_TYPE.matcher(raw);
            String base = matcher.find() ? (matcher.group(1) + "/" + matcher.group(2)).toLowerCase(Locale.ROOT) : defaultType;
            return fromBase(base, null, raw);
        }
    }

    private static MimeType fromBase(String base, ContentType parsed, String raw) {
        return new MimeType(base.substring(0, base.indexOf('/')), base, parsed, raw);
    }
}
