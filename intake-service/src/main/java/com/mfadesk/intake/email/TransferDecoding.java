package com.mfadesk.intake.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** {@code raw} decoded as it is read. */
    static InputStream decoding(InputStream raw, String encoding) {
        return switch (normalise(encoding)) {
            case "base64" -> new Base64InputStream(raw);
            case "quoted-printable" -> new QuotedPrintableInputStream(raw);
            default -> raw;
        };
    }

    /** 7bit, 8bit, binary or none: the bytes are the content as they are. */
    static boolean isIdentity(String encoding) {
        String e = normalise(encoding);
        return e.isEmpty() || e.equals("7bit") || e.equals("8bit") || e.equals("binary");
    }

        /** Value of a base64 character (base64url's too), or -1 for line breaks, padding and junk. */
    static int base64Value(int c) {
        return c < 128 ? BASE64_VALUES[c] : -1;
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

    /** Base64 of a whole value, such as an RFC 2047 encoded word. */
    static byte[] base64(byte[] raw) {
        try (InputStream in = new Base64InputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to read", e);
        }
    }

    private static String normalise(String encoding) {
        return encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
    }
}
