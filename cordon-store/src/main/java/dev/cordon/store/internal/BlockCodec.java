package dev.cordon.store.internal;

import dev.cordon.core.BlockHash;
import java.util.Arrays;

/**
 * BLOCKS_BY_HEIGHT value: {@code [ver=1][hash 32][parent 32][time s64][size u32][tx count u32]
 * [first txNum u64][fees u64][total out u64]}, 105 bytes. Time is in seconds since the epoch;
 * amounts in base units. The block's transactions are txNum {@code firstTxNum ..
 * firstTxNum + txCount - 1}.
 */
public record BlockCodec(BlockHash hash, BlockHash parent, long timeSeconds, int size, int txCount,
                         long firstTxNum, long fees, long totalOut) {
    public static final int VERSION = 1;
    public static final int LENGTH = 105;

    public byte[] encode() {
        byte[] v = new byte[LENGTH];
        v[0] = VERSION;
        hash.copyTo(v, 1);
        parent.copyTo(v, 33);
        Bytes.putLong(v, 65, timeSeconds);
        Bytes.putInt(v, 73, size);
        Bytes.putInt(v, 77, txCount);
        Bytes.putLong(v, 81, firstTxNum);
        Bytes.putLong(v, 89, fees);
        Bytes.putLong(v, 97, totalOut);
        return v;
    }

    public static BlockCodec decode(byte[] v) {
        Codec.check(v, Column.BLOCKS_BY_HEIGHT, VERSION, LENGTH);
        return new BlockCodec(new BlockHash(Arrays.copyOfRange(v, 1, 33)), new BlockHash(Arrays.copyOfRange(v, 33, 65)),
                Bytes.getLong(v, 65), Bytes.getInt(v, 73), Bytes.getInt(v, 77), Bytes.getLong(v, 81),
                Bytes.getLong(v, 89), Bytes.getLong(v, 97));
    }
}
