package com.mfadesk.intake.email;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Lenient quoted-printable decoding as a stream, so a big text part is decoded as it is read instead of being held
 * encoded and decoded at once. Soft line breaks ({@code =}, optional blanks, CRLF or LF) vanish, {@code =XX} becomes
 * its byte, a broken escape is kept literally, and a lone {@code =} (with blanks) at the very end is dropped.
 */
final class QuotedPrintableInputStream extends DecodingInputStream {

    /** Bytes read ahead and given back: read again, last in first out. */
    private byte[] pushedBack = new byte[4];
    private int pushedBackCount;

    QuotedPrintableInputStream(InputStream raw) {
        super(raw);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int b = next();
            if (b != '=') {
                return b;
            }
            int after = next();
            int blanks = 0;
            byte[] blankRun = null;
            while (after == ' ' || after == '\t') {
                blankRun = remember(blankRun, blanks++, after);
                after = next();
            }
            if (after == '\r') {
                int lineFeed = next();
                if (lineFeed >= 0 && lineFeed != '\n') {
                    pushBack(lineFeed);
                }
                continue; // soft line break
            }
            if (after == '\n') {
                continue; // soft line break
            }
            if (after < 0) {
                return -1; // "=" at the very end: a soft break with nothing after it
            }
            if (blanks == 0) {
                int low = next();
                int highValue = Character.digit(after, 16);
                int lowValue = low < 0 ? -1 : Character.digit(low, 16);
                if (highValue >= 0 && lowValue >= 0) {
                    return highValue * 16 + lowValue;
                }
                if (low >= 0) {
                    pushBack(low);
                }
            }
            // a broken escape is kept literally rather than losing text; what followed it is read as usual
            pushBack(after);
            for (int i = blanks - 1; i >= 0; i--) {
                pushBack(blankRun[i]);
            }
            return '=';
        }
    }

    private int next() throws IOException {
        if (pushedBackCount > 0) {
            return pushedBack[--pushedBackCount] & 0xFF;
        }
        return nextRaw();
    }

    private void pushBack(int b) {
        if (pushedBackCount == pushedBack.length) {
            pushedBack = Arrays.copyOf(pushedBack, pushedBackCount * 2);
        }
        pushedBack[pushedBackCount++] = (byte) b;
    }

    private static byte[] remember(byte[] run, int index, int b) {
        byte[] kept = run == null ? new byte[8] : index == run.length ? Arrays.copyOf(run, index * 2) : run;
        kept[index] = (byte) b;
        return kept;
    }
}
