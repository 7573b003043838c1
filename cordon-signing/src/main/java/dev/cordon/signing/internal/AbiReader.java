package dev.cordon.signing.internal;

import dev.cordon.core.Address;
import dev.cordon.core.DecodeException;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader of ABI-encoded arguments (Solidity ABI specification, "Formal Specification
 * of the Encoding"). Stricter than the EVM: an address or bool with dirty high bits, an offset
 * or length that points outside the data, or a short argument area is rejected with a
 * {@link DecodeException} naming the argument and its byte offset in the calldata, never read
 * as a guessed value. Every read is bounds-checked; no other exception escapes.
 */
public final class AbiReader {
    private static final int MAX_ARRAY = 10_000;

    private final byte[] buf;
    private final int base;
    private final String field;
    private final int calldataOffset;

    /**
     * @param buf            the whole buffer
     * @param base           where the argument area starts (after the 4-byte selector)
     * @param field          named in errors ({@code data}, {@code multiSend.transactions[2].data})
     * @param calldataOffset added to offsets in error messages so they point into the user's data
     */
    public AbiReader(byte[] buf, int base, String field, int calldataOffset) {
        this.buf = buf;
        this.base = base;
        this.field = field;
        this.calldataOffset = calldataOffset;
    }

    /** Bytes of the argument area. */
    public int size() {
        return buf.length - base;
    }

    /** Head words that {@code n} static arguments need; fails if the data is shorter. */
    public void requireHead(int words, String signature) {
        if ((long) words * 32 > size()) {
            throw fail(base, signature + " needs at least " + (words * 32) + " bytes of arguments, got " + size());
        }
    }

    public BigInteger uint(int index, String name, int bits) {
        byte[] w = word(base + index * 32, name);
        BigInteger v = new BigInteger(1, w);
        if (v.bitLength() > bits) {
            throw fail(base + index * 32, name + " does not fit uint" + bits);
        }
        return v;
    }

    public Address address(int index, String name) {
        int at = base + index * 32;
        byte[] w = word(at, name);
        for (int i = 0; i < 12; i++) {
            if (w[i] != 0) {
                throw fail(at, name + " is not a valid address: its 12 high bytes are not zero");
            }
        }
        return EthAddresses.fromBytes(Arrays.copyOfRange(w, 12, 32));
    }

    public boolean bool(int index, String name) {
        BigInteger v = uint(index, name, 256);
        if (v.compareTo(BigInteger.ONE) > 0) {
            throw fail(base + index * 32, name + " is not a valid bool (" + v + ")");
        }
        return v.signum() == 1;
    }

    public Bytes32 bytes32(int index, String name) {
        return Bytes32.of(word(base + index * 32, name));
    }

    /** A dynamic {@code bytes} argument whose offset word is at head {@code index}. */
    public HexData bytes(int index, String name) {
        int start = dynamicStart(index, name);
        int len = length(start, name, 1);
        return HexData.of(Arrays.copyOfRange(buf, start + 32, start + 32 + len));
    }

    /** Where a dynamic {@code bytes} argument's content starts, relative to {@code buf}. */
    public int bytesContentOffset(int index, String name) {
        int start = dynamicStart(index, name);
        length(start, name, 1);
        return start + 32;
    }

    /** A dynamic {@code uint256[]} argument. */
    public List<BigInteger> uintArray(int index, String name) {
        int start = dynamicStart(index, name);
        int n = length(start, name, 32);
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new BigInteger(1, Arrays.copyOfRange(buf, start + 32 + i * 32, start + 64 + i * 32)));
        }
        return out;
    }

    /** A dynamic {@code address[]} argument. */
    public List<Address> addresses(int index, String name) {
        int start = dynamicStart(index, name);
        int n = length(start, name, 32);
        List<Address> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AbiReader element = new AbiReader(buf, start + 32, field, calldataOffset);
            out.add(element.address(i, name + "[" + i + "]"));
        }
        return out;
    }

    private int dynamicStart(int index, String name) {
        int at = base + index * 32;
        BigInteger off = new BigInteger(1, word(at, name + " offset"));
        if (off.compareTo(BigInteger.valueOf(size() - 32L)) > 0 || size() < 32) {
            throw fail(at, name + " offset " + off + " points outside the " + size() + " bytes of arguments");
        }
        return base + off.intValueExact();
    }

    private int length(int start, String name, int unit) {
        BigInteger len = new BigInteger(1, word(start, name + " length"));
        long room = (buf.length - start - 32L) / unit;
        if (len.compareTo(BigInteger.valueOf(room)) > 0 || (unit > 1 && len.intValue() > MAX_ARRAY)) {
            throw fail(start, name + " length " + len + " runs past the end of the data (room for " + room + ")");
        }
        return len.intValueExact();
    }

    private byte[] word(int at, String name) {
        if (at < 0 || at + 32 > buf.length) {
            throw fail(at, name + " is cut short: needs 32 bytes at this position, the data ends at byte "
                    + (calldataOffset + buf.length));
        }
        return Arrays.copyOfRange(buf, at, at + 32);
    }

    private DecodeException fail(int at, String problem) {
        return new DecodeException(field, calldataOffset + at, problem);
    }
}
