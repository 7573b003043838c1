package dev.cordon.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.Hash32;
import java.nio.charset.StandardCharsets;

/** Key layouts of every column; see {@link Column} for the table. */
public final class Keys {
    /** META key of the format record. */
    public static final byte[] FORMAT = "format".getBytes(StandardCharsets.US_ASCII);

    private Keys() {
    }

    /** META key of a chain's checkpoint: "ckpt" + chain id. */
    public static byte[] checkpoint(Chain chain) {
        return new byte[] {'c', 'k', 'p', 't', (byte) chain.id()};
    }

    public static byte[] chain(Chain chain) {
        return new byte[] {(byte) chain.id()};
    }

    public static byte[] height(Chain chain, long height) {
        byte[] k = new byte[5];
        k[0] = (byte) chain.id();
        Bytes.putInt(k, 1, (int) height);
        return k;
    }

    public static byte[] hash(Chain chain, Hash32 hash) {
        byte[] k = new byte[33];
        k[0] = (byte) chain.id();
        hash.copyTo(k, 1);
        return k;
    }

    /** As {@link #hash(Chain, Hash32)}, from the 32 bytes at the start of {@code hash}. */
    public static byte[] hash(Chain chain, byte[] hash) {
        byte[] k = new byte[33];
        k[0] = (byte) chain.id();
        System.arraycopy(hash, 0, k, 1, 32);
        return k;
    }

    public static byte[] txNum(Chain chain, long txNum) {
        byte[] k = new byte[9];
        k[0] = (byte) chain.id();
        Bytes.putLong(k, 1, txNum);
        return k;
    }

    public static byte[] addressText(Address address) {
        byte[] text = address.value().getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[1 + text.length];
        k[0] = (byte) address.chain().id();
        System.arraycopy(text, 0, k, 1, text.length);
        return k;
    }

    public static byte[] addressId(Chain chain, int id) {
        byte[] k = new byte[5];
        k[0] = (byte) chain.id();
        Bytes.putInt(k, 1, id);
        return k;
    }

    /** ADDRESS_SUMMARY key; asset 0 is the chain's native asset. */
    public static byte[] summary(Chain chain, int addressId, int assetId) {
        byte[] k = new byte[9];
        k[0] = (byte) chain.id();
        Bytes.putInt(k, 1, addressId);
        Bytes.putInt(k, 5, assetId);
        return k;
    }

    public static byte[] history(Chain chain, int addressId, long txNum) {
        byte[] k = new byte[13];
        k[0] = (byte) chain.id();
        Bytes.putInt(k, 1, addressId);
        Bytes.putLong(k, 5, txNum);
        return k;
    }

    /** SPENDS and OUTPUT_DATA key. */
    public static byte[] output(Chain chain, long txNum, int vout) {
        byte[] k = new byte[13];
        k[0] = (byte) chain.id();
        Bytes.putLong(k, 1, txNum);
        Bytes.putInt(k, 9, vout);
        return k;
    }
}
