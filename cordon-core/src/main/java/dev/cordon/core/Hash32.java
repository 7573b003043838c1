package dev.cordon.core;

import java.util.Arrays;

/**
 * 32 bytes held in display order: {@code Hex.encode(bytes())} is what explorers show. Bitcoin
 * hashes are reversed from their wire order once, by the decoder.
 */
public abstract class Hash32 implements Comparable<Hash32> {
    private final byte[] bytes;
    private final int hash;

    protected Hash32(byte[] bytes) {
        if (bytes.length != 32) {
            throw new CordonException(ErrorCode.USAGE, "a hash must be 32 bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
        this.hash = Arrays.hashCode(this.bytes);
    }

    /** A copy of the 32 bytes in display order. */
    public final byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 32 bytes into {@code dst} at {@code off}. */
    public final void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, 32);
    }

    public final String hex() {
        return Hex.encode(bytes);
    }

    public final boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((Hash32) o).bytes);
    }

    @Override
    public final int hashCode() {
        return hash;
    }

    @Override
    public final int compareTo(Hash32 o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public final String toString() {
        return hex();
    }

    protected static byte[] parseHex(String text, String what) {
        byte[] b;
        try {
            b = Hex.decode(text.trim(), what);
        } catch (DecodeException e) {
            throw new CordonException(ErrorCode.USAGE, e.getMessage());
        }
        if (b.length != 32) {
            throw new CordonException(ErrorCode.USAGE,
                    what + " must be 64 hex digits, got " + (b.length * 2) + ": '" + text + "'");
        }
        return b;
    }
}
