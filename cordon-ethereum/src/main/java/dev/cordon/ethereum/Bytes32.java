package dev.cordon.ethereum;

import dev.cordon.core.Hash32;
import org.web3j.crypto.Hash;

/** A 32-byte Ethereum word: a Keccak-256 hash, a storage slot or value. Shown as {@code 0x} + 64 hex digits. */
public final class Bytes32 extends Hash32 {
    public static final Bytes32 ZERO = new Bytes32(new byte[32]);

    private Bytes32(byte[] bytes) {
        super(bytes);
    }

    /** @throws dev.cordon.core.CordonException with USAGE unless exactly 32 bytes */
    public static Bytes32 of(byte[] bytes) {
        return new Bytes32(bytes);
    }

    /**
     * Parses {@code 0x} + 64 hex digits (the prefix is optional).
     *
     * @throws dev.cordon.core.CordonException with USAGE naming {@code field}
     */
    public static Bytes32 parse(String text, String field) {
        return new Bytes32(parseHex(text, field));
    }

    /** Keccak-256 of the bytes. */
    public static Bytes32 keccak(byte[] data) {
        return new Bytes32(Hash.sha3(data));
    }

    /** {@code 0x} + 64 lowercase hex digits. */
    public String prefixed() {
        return "0x" + hex();
    }
}
