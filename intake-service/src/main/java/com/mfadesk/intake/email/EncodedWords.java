package com.mfadesk.intake.email;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 decoder for header text ({@code =?utf-8?q?…?=}). Written here rather than taken from
 * {@code MimeUtility.decodeText} because that one is strict unless a JVM-wide system property is set, throws on
 * unknown charsets, and decodes each word on its own, which breaks a UTF-8 character split across two words.
 * Encoded words are decoded wherever they appear, also inside a word, as mailers produce that too.
 */
final class EncodedWords {

    private static final Pattern ENCODED_WORD =
            Pattern.compile("=\\?([^?\\s]{1,64})\\?([bBqQ])\\?([^?\\s]{0,2000})\\?=");

    private EncodedWords() {
    }

    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher matcher = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        String pendingCharset = null;
        int previousEnd = 0;
        while (matcher.find()) {
            String between = text.substring(previousEnd, matcher.start());
            String charset = matcher.group(1).toLowerCase(Locale.ROOT);
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !charset.equals(pendingCharset)) {
                flush(out, pendingBytes, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between); // whitespace between two encoded words is dropped (RFC 2047 6.2)
                }
            }
            byte[] bytes = matcher.group(2).equalsIgnoreCase("b")
                    ? TransferDecoding.base64(matcher.group(3).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    : qEncoding(matcher.group(3));
            pendingBytes.writeBytes(bytes);
            pendingCharset = charset;
            previousEnd = matcher.end();
        }
        flush(out, pendingBytes, pendingCharset);
        out.append(text, previousEnd, text.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream bytes, String charset) {
        if (charset != null) {
            out.append(BestEffortCharsets.decode(bytes.toByteArray(), charset));
        }
        bytes.reset();
    }

    private static byte[] qEncoding(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < encoded.length()
                    && Character.digit(encoded.charAt(i + 1), 16) >= 0 && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c < 256 ? c : '?');
            }
        }
        return out.toByteArray();
    }
}
