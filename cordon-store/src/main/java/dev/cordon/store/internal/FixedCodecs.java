package dev.cordon.store.internal;

/**
 * The small fixed-width values, without a version byte (their length is the check; a layout
 * change bumps {@link FormatCodec#CURRENT}).
 *
 * <pre>
 * id      4  address id or height (u32)
 * txNum   8  (u64)
 * HISTORY 20 height(4) received(8) sent(8)
 * SPENDS 12  spender txNum(8) input index(4)
 * </pre>
 */
public final class FixedCodecs {
    public static final int HISTORY_LENGTH = 20;
    public static final int SPENDS_LENGTH = 12;

    private FixedCodecs() {
    }

    public static byte[] int4(int v) {
        byte[] b = new byte[4];
        Bytes.putInt(b, 0, v);
        return b;
    }

    public static int int4(byte[] b, Column column) {
        Codec.checkLength(b, column, 4);
        return Bytes.getInt(b, 0);
    }

    public static byte[] long8(long v) {
        byte[] b = new byte[8];
        Bytes.putLong(b, 0, v);
        return b;
    }

    public static long long8(byte[] b, Column column) {
        Codec.checkLength(b, column, 8);
        return Bytes.getLong(b, 0);
    }

    public static byte[] history(int height, long received, long sent) {
        byte[] b = new byte[HISTORY_LENGTH];
        Bytes.putInt(b, 0, height);
        Bytes.putLong(b, 4, received);
        Bytes.putLong(b, 12, sent);
        return b;
    }

    public static byte[] spends(long spenderTxNum, int inputIndex) {
        byte[] b = new byte[SPENDS_LENGTH];
        Bytes.putLong(b, 0, spenderTxNum);
        Bytes.putInt(b, 8, inputIndex);
        return b;
    }
}
