package com.mfadesk.intake.email;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /** The text when {@code bytes} are well-formed UTF-8, else null. */
    private static String strictUtf8(byte[] bytes) {
        // Checking first and then decoding once is cheaper than a reporting CharsetDecoder, which fills a CharBuffer
        // of two bytes per character only to copy it into the string.
        return wellFormedUtf8Length(bytes, bytes.length) == bytes.length ? new String(bytes, StandardCharsets.UTF_8)
                : null;
    }

    /**
     * The start of a longer text: a UTF-8 character cut in two at the end is left out, so that it cannot make the
     * whole text fail as UTF-8 and be read as windows-1252.
     */
    static String decodePrefix(byte[] bytes, String declaredCharset) {
        int wellFormed = wellFormedUtf8Length(bytes, bytes.length);
        boolean cutCharacter = wellFormed < bytes.length && bytes.length - wellFormed < 4
                && isCutUtf8Sequence(bytes, wellFormed);
        return decode(cutCharacter ? Arrays.copyOf(bytes, wellFormed) : bytes, declaredCharset);
    }

    /** Length of the well-formed UTF-8 before the first ill-formed or incomplete sequence (Unicode table 3-7). */
    private static int wellFormedUtf8Length(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuations = continuationCount(lead);
            if (continuations == 0 || i + continuations >= length) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < minSecond(lead) || second > maxSecond(lead)) {
                return i;
            }
            for (int k = 2; k <= continuations; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += continuations + 1;
        }
        return length;
    }

    /** Whether the bytes from {@code start} to the end are the beginning of one UTF-8 sequence. */
    private static boolean isCutUtf8Sequence(byte[] bytes, int start) {
        int lead = bytes[start] & 0xFF;
        int continuations = continuationCount(lead);
        if (continuations == 0 || bytes.length - start > continuations) {
            return false;
        }
        for (int k = start + 1; k < bytes.length; k++) {
            int next = bytes[k] & 0xFF;
            if (next < (k == start + 1 ? minSecond(lead) : 0x80) || next > (k == start + 1 ? maxSecond(lead) : 0xBF)) {
                return false;
            }
        }
        return true;
    }

    private static int continuationCount(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 1;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 2;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    }

    /** Second-byte bounds that rule out overlong forms, surrogates and code points past U+10FFFF. */
    private static int minSecond(int lead) {
        return lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    }

    private static int maxSecond(int lead) {
        return lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
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
