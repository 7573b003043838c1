package dev.cordon.store.internal;

import dev.cordon.core.BlockHash;
import java.util.Arrays;

/**
 * A chain's checkpoint, written in the same batch as the block it names, with the counters
 * that make ids dense: {@code [ver=1][tip height u32][tip hash 32][next txNum u64][next addr
 * u32]}, 49 bytes.
 *
 * @param tipHeight  height of the newest applied block
 * @param nextTxNum  number the next transaction gets; equals the transaction count
 * @param nextAddrId id the next new address gets; equals the address count
 */
public record CheckpointCodec(long tipHeight, BlockHash tipHash, long nextTxNum, int nextAddrId) {
    public static final int VERSION = 1;
    public static final int LENGTH = 49;

    public byte[] encode() {
        byte[] v = new byte[LENGTH];
        v[0] = VERSION;
        Bytes.putInt(v, 1, (int) tipHeight);
        tipHash.copyTo(v, 5);
        Bytes.putLong(v, 37, nextTxNum);
        Bytes.putInt(v, 45, nextAddrId);
        return v;
    }

    public static CheckpointCodec decode(byte[] v) {
        Codec.check(v, Column.META, VERSION, LENGTH);
        return new CheckpointCodec(Bytes.getInt(v, 1), new BlockHash(Arrays.copyOfRange(v, 5, 37)),
                Bytes.getLong(v, 37), Bytes.getInt(v, 45));
    }
}
