package dev.cordon.ethereum;

import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import java.util.Arrays;

/** Immutable bytes of any length (calldata, code, signatures), shown as {@code 0x}-prefixed hex. */
public final class HexData {
    public static final HexData EMPTY = new HexData(new byte[0]);

    private final byte[] bytes;

    private HexData(byte[] bytes) {
        this.bytes = bytes;
    }

    public static HexData of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new HexData(bytes.clone());
    }

    /**
     * Parses hex with or without {@code 0x}; the empty string and {@code 0x} are empty data.
     *
     * @throws CordonException with USAGE naming {@code field} on odd length or a non-hex digit
     */
    public static HexData parse(String text, String field) {
        if (text == null) {
            throw new CordonException(ErrorCode.USAGE, field + ": value is missing");
        }
        try {
            return new HexData(Hex.decode(text.trim(), field));
        } catch (DecodeException e) {
            throw new CordonException(ErrorCode.USAGE, e.getMessage(), e);
        }
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    /** {@code 0x} + lowercase hex. */
    public String hex() {
        return "0x" + Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexData h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
