package dev.cordon.bitcoin.internal;

import java.util.Arrays;

/** A growable little-endian byte buffer for writing Bitcoin serializations; reused by clearing. */
public final class ByteSink {
    private byte[] buf;
    private int size;

    public ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public byte[] array() {
        return buf;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    public void u32(int v) {
        ensure(4);
        buf[size] = (byte) v;
        buf[size + 1] = (byte) (v >>> 8);
        buf[size + 2] = (byte) (v >>> 16);
        buf[size + 3] = (byte) (v >>> 24);
        size += 4;
    }

    public void u64(long v) {
        u32((int) v);
        u32((int) (v >>> 32));
    }

    /** Bitcoin CompactSize. */
    public void compactSize(long v) {
        if (v < 0xfd) {
            u8((int) v);
        } else if (v <= 0xffff) {
            u8(0xfd);
            u8((int) v);
            u8((int) (v >>> 8));
        } else if (v <= 0xffffffffL) {
            u8(0xfe);
            u32((int) v);
        } else {
            u8(0xff);
            u64(v);
        }
    }

    public void bytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, size, len);
        size += len;
    }

    /** Reserves {@code len} bytes and returns their offset, for the caller to fill. */
    public int reserve(int len) {
        ensure(len);
        int at = size;
        size += len;
        return at;
    }

    private void ensure(int n) {
        if (buf.length - size < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
