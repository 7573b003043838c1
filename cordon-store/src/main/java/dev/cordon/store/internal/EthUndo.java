package dev.cordon.store.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * ETH_UNDO value: what {@code rollbackTo} needs to remove one block. {@code [ver=1][first seq
 * u64][first new address id u32][first new asset id u32][n u32]} then n times {@code [addr u32]
 * [asset u32][len u16][the ETH_BALANCES value the block overwrote]}, len 0xffff when the block
 * created the entry. Everything else a block wrote is found from its transfers and creations.
 */
public record EthUndo(long firstSeq, int firstAddrId, int firstAssetId, List<Prior> priors) {
    private static final int FIXED = 21;
    private static final int ABSENT = 0xffff;

    public EthUndo {
        priors = List.copyOf(priors);
    }

    /** The balance entry of (address, asset) before the block; {@code null} value when absent. */
    public record Prior(int addressId, int assetId, byte[] value) {
    }

    public byte[] encode() {
        int len = FIXED;
        for (Prior p : priors) {
            len += 10 + (p.value == null ? 0 : p.value.length);
        }
        byte[] v = new byte[len];
        v[0] = EthCodecs.VERSION;
        Bytes.putLong(v, 1, firstSeq);
        Bytes.putInt(v, 9, firstAddrId);
        Bytes.putInt(v, 13, firstAssetId);
        Bytes.putInt(v, 17, priors.size());
        int off = FIXED;
        for (Prior p : priors) {
            Bytes.putInt(v, off, p.addressId);
            Bytes.putInt(v, off + 4, p.assetId);
            int n = p.value == null ? ABSENT : p.value.length;
            v[off + 8] = (byte) (n >>> 8);
            v[off + 9] = (byte) n;
            off += 10;
            if (p.value != null) {
                System.arraycopy(p.value, 0, v, off, p.value.length);
                off += p.value.length;
            }
        }
        return v;
    }

    public static EthUndo decode(byte[] v) {
        Codec.check(v, Column.ETH_UNDO, EthCodecs.VERSION, FIXED);
        int n = Bytes.getInt(v, 17);
        List<Prior> priors = new ArrayList<>(Math.min(n, v.length / 10));
        int off = FIXED;
        for (int i = 0; i < n; i++) {
            if (off + 10 > v.length) {
                throw truncated(v.length);
            }
            int len = (v[off + 8] & 0xff) << 8 | (v[off + 9] & 0xff);
            byte[] value = null;
            if (len != ABSENT) {
                if (off + 10 + len > v.length) {
                    throw truncated(v.length);
                }
                value = java.util.Arrays.copyOfRange(v, off + 10, off + 10 + len);
            }
            priors.add(new Prior(Bytes.getInt(v, off), Bytes.getInt(v, off + 4), value));
            off += 10 + (value == null ? 0 : len);
        }
        return new EthUndo(Bytes.getLong(v, 1), Bytes.getInt(v, 9), Bytes.getInt(v, 13), priors);
    }

    private static dev.cordon.store.StoreException truncated(int length) {
        return new dev.cordon.store.StoreException(dev.cordon.core.ErrorCode.STORE,
                "an ETH_UNDO record of " + length + " bytes is truncated");
    }
}
