package com.mfadesk.intake.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Turns bytes into text whatever the sender declared. Mail lies about charsets: windows-1252 is sent as iso-8859-1,
 * UTF-8 as us-ascii or with no label, and some labels are unknown to Java. Decoding never fails; at worst a few
 * characters become U+FFFD.
 */
final class BestEffortCharsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels Java lacks or gets wrong, mapped to the charset senders actually mean. */
    private static final Map<String, String> ALIASES = Map.of(
            "iso-8859-1", "windows-1252", // 1252 is what every "latin-1" mail really uses for 0x80-0x9F
            "latin1", "windows-1252",
            "iso8859-1", "windows-1252",
            "iso_8859-1", "windows-1252",
            "l1", "windows-1252",
            "gb2312", "GBK",
            "ks_c_5601-1987", "x-windows-949",
            "utf8", "UTF-8");

    private BestEffortCharsets() {
    }

    static String decode(byte[] bytes, String declaredCharset) {
        if (bytes.length == 0) {
            return "";
        }
        String label = normalise(declaredCharset);
        if (label == null || isAsciiLabel(label)) {
            return sniff(bytes);
        }
        Charset charset = lookup(ALIASES.getOrDefault(label, label));
        if (charset == null) {
            return sniff(bytes);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return decodeUtf8(bytes);
        }
        return new String(bytes, charset);
    }

    /** Text whose charset nobody declared (raw 8-bit headers, unlabeled parts): UTF-8 when it is valid, else 1252. */
    static String sniff(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String utf8 = strictUtf8(bytes);
        return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
    }

    private static String decodeUtf8(byte[] bytes) {
        String strict = strictUtf8(bytes);
        if (strict != null) {
            return strict;
        }
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        // Not one real multi-byte character: the label is wrong and the text is 1252.
        boolean anyDecodedNonAscii = lenient.chars().anyMatch(c -> c > 0x7F && c != 0xFFFD);
        return anyDecodedNonAscii ? lenient : new String(bytes, WINDOWS_1252);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLabel(String label) {
        return label.equals("us-ascii") || label.equals("ascii") || label.equals("ansi_x3.4-1968")
                || label.equals("unknown-8bit") || label.equals("x-unknown") || label.equals("default");
    }

    private static String normalise(String declared) {
        if (declared == null) {
            return null;
        }
        String label = declared.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        int language = label.indexOf('*'); // RFC 2231 charset*language
        if (language >= 0) {
            label = label.substring(0, language);
        }
        return label.isEmpty() ? null : label;
    }

    private static Charset lookup(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) { // illegal or unsupported name
            return null;
        }
    }
}
