package com.mfadesk.intake.email;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Leaves out the payload of base64 {@code data:} URIs while HTML is read. A pasted screenshot puts megabytes of image
 * before the user's words; counted against the HTML budget it would push the request out of what is rendered, and it
 * is no text anyway. What stays is {@code data:image/png;base64,} and the quote after it, still valid HTML.
 * The URIs are ASCII, so this works on the bytes of any ASCII-compatible charset.
 */
final class InlineDataSkipping extends FilterInputStream {

    private static final byte[] DATA = "data:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BASE64 = "base64,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** How far after "data:" the ";base64," may come: a media type and its parameters. */
    private static final int MAX_MEDIA_TYPE = 200;

    private int dataMatched;
    private int base64Matched;
    /** Bytes since "data:" while looking for "base64,"; -1 when not inside a data: URI's head. */
    private int sinceData = -1;
    private boolean skipping;

    InlineDataSkipping(InputStream in) {
        super(new BufferedInputStream(in, 64 * 1024));
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return b;
            }
            if (skipping) {
                if (isBase64(b)) {
                    continue;
                }
                skipping = false;
            }
            track(b);
            return b;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length) {
            if (n > 0 && in.available() == 0) {
                break;
            }
            int b = read();
            if (b < 0) {
                return n == 0 ? -1 : n;
            }
            buffer[offset + n++] = (byte) b;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void track(int b) {
        int lower = b >= 'A' && b <= 'Z' ? b + 32 : b;
        if (sinceData >= 0) {
            base64Matched = lower == BASE64[base64Matched] ? base64Matched + 1 : (lower == BASE64[0] ? 1 : 0);
            if (base64Matched == BASE64.length) {
                skipping = true;
                sinceData = -1;
                base64Matched = 0;
            } else if (++sinceData > MAX_MEDIA_TYPE || b == '"' || b == '\'' || b == '>') {
                sinceData = -1;
                base64Matched = 0;
            }
            return;
        }
        dataMatched = lower == DATA[dataMatched] ? dataMatched + 1 : (lower == DATA[0] ? 1 : 0);
        if (dataMatched == DATA.length) {
            dataMatched = 0;
            sinceData = 0;
        }
    }

    private static boolean isBase64(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/'
                || b == '=' || b == '\r' || b == '\n' || b == ' ' || b == '\t';
    }
}
