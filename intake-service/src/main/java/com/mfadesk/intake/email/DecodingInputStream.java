package com.mfadesk.intake.email;

import java.io.IOException;
import java.io.InputStream;

/** A transfer decoding read as a stream: the encoded bytes come through a buffer, decoded ones go out one by one. */
abstract class DecodingInputStream extends InputStream {

    private final InputStream raw;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    DecodingInputStream(InputStream raw) {
        this.raw = raw;
    }

    /** The next encoded byte, or -1 at the end. */
    int nextRaw() throws IOException {
        if (position == limit) {
            limit = raw.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count = 0;
        while (count < length) {
            int b = read();
            if (b < 0) {
                break;
            }
            target[offset + count++] = (byte) b;
        }
        return count == 0 ? -1 : count;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
