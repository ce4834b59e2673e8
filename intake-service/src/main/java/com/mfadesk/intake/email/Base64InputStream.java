package com.mfadesk.intake.email;

import java.io.IOException;
import java.io.InputStream;

/**
 * Lenient base64 decoding as a stream, so a big text part is decoded as it is read: line breaks and junk characters
 * are skipped, and padding ends a group, which also copes with several base64 bodies glued together.
 */
final class Base64InputStream extends DecodingInputStream {

    /** Decoded bytes of the last group not handed out yet. */
    private final byte[] group = new byte[3];
    private int groupPosition;
    private int groupCount;
    private int quantum;
    private int count;

    Base64InputStream(InputStream raw) {
        super(raw);
    }

    @Override
    public int read() throws IOException {
        while (groupPosition == groupCount) {
            int c = nextRaw();
            if (c < 0) {
                flushPartial();
                if (groupPosition == groupCount) {
                    return -1;
                }
            } else if (c == '=') {
                flushPartial();
            } else {
                int value = TransferDecoding.base64Value(c);
                if (value < 0) {
                    continue; // line breaks and junk
                }
                quantum = (quantum << 6) | value;
                if (++count == 4) {
                    hold(3, quantum >> 16, quantum >> 8, quantum);
                }
            }
        }
        return group[groupPosition++] & 0xFF;
    }

    private void flushPartial() {
        if (count == 2) {
            hold(1, quantum >> 4, 0, 0);
        } else if (count == 3) {
            hold(2, quantum >> 10, quantum >> 2, 0);
        } else {
            quantum = 0;
            count = 0;
        }
    }

    private void hold(int n, int first, int second, int third) {
        group[0] = (byte) first;
        group[1] = (byte) second;
        group[2] = (byte) third;
        groupPosition = 0;
        groupCount = n;
        quantum = 0;
        count = 0;
    }
}
