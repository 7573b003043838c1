package dev.cordon.store.internal;

import dev.cordon.core.Chain;
import java.nio.charset.StandardCharsets;

/** Key layouts of the Ethereum columns; see {@link Column}. Every key starts with the chain byte. */
public final class EthKeys {
    private static final byte C = (byte) Chain.ETHEREUM.id();

    private EthKeys() {
    }

    /** META key of the Ethereum checkpoint: "acct" + chain id. */
    public static byte[] checkpoint() {
        return new byte[] {'a', 'c', 'c', 't', C};
    }

    public static byte[] chain() {
        return new byte[] {C};
    }

    /** ETH_BLOCKS, ETH_UNDO and the ETH_CREATIONS prefix of a block. */
    public static byte[] height(long height) {
        return c8(height);
    }

    /** ETH_TRANSFERS. */
    public static byte[] seq(long seq) {
        return c8(seq);
    }

    /** ETH_BLOCK_BY_HASH and ETH_TX: c + 32 bytes. */
    public static byte[] hash32(byte[] hash) {
        byte[] k = new byte[33];
        k[0] = C;
        System.arraycopy(hash, 0, k, 1, 32);
        return k;
    }

    /** ETH_ADDRESS_ID. */
    public static byte[] address(byte[] a20) {
        byte[] k = new byte[1 + EthCodecs.A20];
        k[0] = C;
        System.arraycopy(a20, 0, k, 1, EthCodecs.A20);
        return k;
    }

    /** ETH_ADDRESS_BY_ID, ETH_ASSETS, ETH_CREATED_BY and the ETH_ADDRESS_HISTORY prefix of an address. */
    public static byte[] id(int id) {
        byte[] k = new byte[5];
        k[0] = C;
        Bytes.putInt(k, 1, id);
        return k;
    }

    public static byte[] history(int addressId, long seq) {
        byte[] k = new byte[13];
        k[0] = C;
        Bytes.putInt(k, 1, addressId);
        Bytes.putLong(k, 5, seq);
        return k;
    }

    /** ETH_BALANCES; asset 0 is ETH. */
    public static byte[] balance(int addressId, int assetId) {
        byte[] k = new byte[9];
        k[0] = C;
        Bytes.putInt(k, 1, addressId);
        Bytes.putInt(k, 5, assetId);
        return k;
    }

    /** ETH_ASSET_ID: the token contract, then the symbol decoding gave it. */
    public static byte[] asset(byte[] contract20, String symbol) {
        byte[] sym = symbol.getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[1 + EthCodecs.A20 + sym.length];
        k[0] = C;
        System.arraycopy(contract20, 0, k, 1, EthCodecs.A20);
        System.arraycopy(sym, 0, k, 1 + EthCodecs.A20, sym.length);
        return k;
    }

    /** ETH_BRIDGE_DEPOSITS: same layout as ETH_CREATIONS, the log's block-wide index last. */
    public static byte[] deposit(long height, int txIndex, int logIndex) {
        return creation(height, txIndex, logIndex);
    }

    /** ETH_CREATIONS. */
    public static byte[] creation(long height, int txIndex, int ordinal) {
        byte[] k = new byte[17];
        k[0] = C;
        Bytes.putLong(k, 1, height);
        Bytes.putInt(k, 9, txIndex);
        Bytes.putInt(k, 13, ordinal);
        return k;
    }

    private static byte[] c8(long v) {
        byte[] k = new byte[9];
        k[0] = C;
        Bytes.putLong(k, 1, v);
        return k;
    }
}
