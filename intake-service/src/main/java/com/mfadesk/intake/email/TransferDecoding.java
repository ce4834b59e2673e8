package com.mfadesk.intake.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lenient Content-Transfer-Encoding decoders. Jakarta Mail's decoders either throw on broken base64 or need JVM-wide
 * system properties to be lenient, so intake decodes the raw bytes itself: junk characters are skipped, a broken
 * escape is kept as it is, and an unknown encoding means the bytes are used unchanged.
 */
final class TransferDecoding {

    /** Value of each base64 character, -1 for the rest; read-only once the class is initialised. */
    private static final int[] BASE64_VALUES = new int[128];

    static {
        Arrays.fill(BASE64_VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64_VALUES[alphabet.charAt(i)] = i;
        }
        BASE64_VALUES['-'] = 62; // base64url, seen from some web mailers
        BASE64_VALUES['_'] = 63;
    }

    private TransferDecoding() {
    }

    static byte[] decode(byte[] raw, String encoding) {
        return switch (normalise(encoding)) {
            case "base64" -> base64(raw);
            case "quoted-printable" -> quotedPrintable(raw);
            default -> raw;
        };
    }

    /** Size of the decoded content, streaming through it so a 24 MiB attachment costs no memory. */
    static long decodedSize(InputStream raw, String encoding) throws IOException {
        String kind = normalise(encoding);
        byte[] buffer = new byte[8192];
        long rawCount = 0;
        long base64Chars = 0;
        long qpEscapes = 0;
        long qpSoftBreaks = 0;
        int previous = -1;
        int beforePrevious = -1;
        for (int n; (n = raw.read(buffer)) > 0; ) {
            rawCount += n;
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                if (kind.equals("base64")) {
                    if (b < 128 && BASE64_VALUES[b] >= 0) {
                        base64Chars++;
                    }
                } else if (kind.equals("quoted-printable")) {
                    if (b == '=') {
                        qpEscapes++;
                    } else if (b == '\n' && (previous == '=' || (previous == '\r' && beforePrevious == '='))) {
                        qpSoftBreaks++;
                    }
                }
                beforePrevious = previous;
                previous = b;
            }
        }
        return switch (kind) {
            case "base64" -> base64Chars * 3 / 4;
            // "=XX" is three bytes for one; a soft break "=\r\n" is three (or two) bytes for none.
            case "quoted-printable" -> Math.max(0, rawCount - 2 * (qpEscapes - qpSoftBreaks) - 3 * qpSoftBreaks);
            default -> rawCount;
        };
    }

    static byte[] base64(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 3 / 4 + 3);
        int quantum = 0;
        int count = 0;
        for (byte rawByte : raw) {
            int c = rawByte & 0xFF;
            if (c == '=') {
                // Padding ends a group; flushing here also copes with several base64 bodies glued together.
                flushPartial(out, quantum, count);
                quantum = 0;
                count = 0;
                continue;
            }
            int value = c < 128 ? BASE64_VALUES[c] : -1;
            if (value < 0) {
                continue; // line breaks and junk
            }
            quantum = (quantum << 6) | value;
            if (++count == 4) {
                out.write(quantum >> 16);
                out.write(quantum >> 8);
                out.write(quantum);
                quantum = 0;
                count = 0;
            }
        }
        flushPartial(out, quantum, count);
        return out.toByteArray();
    }

    private static void flushPartial(ByteArrayOutputStream out, int quantum, int count) {
        if (count == 2) {
            out.write(quantum >> 4);
        } else if (count == 3) {
            out.write(quantum >> 10);
            out.write(quantum >> 2);
        }
    }

    static byte[] quotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int i = 0;
        while (i < raw.length) {
            int b = raw[i] & 0xFF;
            if (b != '=') {
                out.write(b);
                i++;
                continue;
            }
            // Soft line break: "=" then optional trailing blanks then CRLF or LF.
            int j = i + 1;
            while (j < raw.length && (raw[j] == ' ' || raw[j] == '\t')) {
                j++;
            }
            if (j < raw.length && (raw[j] == '\r' || raw[j] == '\n')) {
                i = raw[j] == '\r' && j + 1 < raw.length && raw[j + 1] == '\n' ? j + 2 : j + 1;
                continue;
            }
            if (j >= raw.length) {
                break; // "=" at the very end: a soft break with nothing after it
            }
            int high = i + 1 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (high >= 0 && low >= 0) {
                out.write(high * 16 + low);
                i += 3;
            } else {
                out.write('='); // a broken escape is kept literally rather than losing text
                i++;
            }
        }
        return out.toByteArray();
    }

    private static String normalise(String encoding) {
        return encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
    }
}
