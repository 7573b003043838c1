package dev.cordon.intel.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Growable big-endian byte buffer for codecs. Strings are a varint length then UTF-8. */
public final class ByteWriter {
    private byte[] buf;
    private int len;

    public ByteWriter(int initial) {
        buf = new byte[Math.max(16, initial)];
    }

    public ByteWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter i32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter i64(long v) {
        i32((int) (v >>> 32));
        return i32((int) v);
    }

    public ByteWriter varint(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative varint " + v);
        }
        while (v >= 0x80) {
            u8((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        return u8(v);
    }

    public ByteWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        return raw(b);
    }

    public ByteWriter raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
