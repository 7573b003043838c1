package dev.cordon.intel.store.internal;

import dev.cordon.core.DecodeException;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote; every overrun is a {@link DecodeException} naming the record. */
public final class ByteReader {
    private final byte[] buf;
    private final String what;
    private int pos;

    public ByteReader(byte[] buf, String what) {
        this.buf = buf;
        this.what = what;
    }

    public int u8() {
        need(1);
        return buf[pos++] & 0xff;
    }

    public int i32() {
        need(4);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long i64() {
        long hi = i32() & 0xffffffffL;
        long lo = i32() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    public int varint() {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            v |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0) {
                    throw new DecodeException(what, pos, "varint out of range");
                }
                return v;
            }
        }
        throw new DecodeException(what, pos, "varint longer than 5 bytes");
    }

    public String str() {
        int n = varint();
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    public byte[] raw(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** @throws DecodeException unless every byte was read */
    public void end() {
        if (pos != buf.length) {
            throw new DecodeException(what, pos, (buf.length - pos) + " trailing bytes");
        }
    }

    private void need(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new DecodeException(what, pos, "truncated: need " + n + " more bytes, have " + (buf.length - pos));
        }
    }
}
