package dev.cordon.store.internal;

/**
 * ADDRESS_SUMMARY value, mutable while a block is applied: {@code [ver=1][balance s64]
 * [received s64][sent s64][tx count u32][first height u32][last height u32]}, 37 bytes.
 * Amounts in base units of the asset named by the key.
 */
public final class SummaryCodec {
    public static final int VERSION = 1;
    public static final int LENGTH = 37;

    long balance;
    long received;
    long sent;
    int txCount;
    int firstHeight;
    int lastHeight;

    SummaryCodec() {
    }

    public SummaryCodec(long balance, long received, long sent, int txCount, int firstHeight, int lastHeight) {
        this.balance = balance;
        this.received = received;
        this.sent = sent;
        this.txCount = txCount;
        this.firstHeight = firstHeight;
        this.lastHeight = lastHeight;
    }

    public long balance() {
        return balance;
    }

    public long received() {
        return received;
    }

    public long sent() {
        return sent;
    }

    public int txCount() {
        return txCount;
    }

    public int firstHeight() {
        return firstHeight;
    }

    public int lastHeight() {
        return lastHeight;
    }

    SummaryCodec copy() {
        return new SummaryCodec(balance, received, sent, txCount, firstHeight, lastHeight);
    }

    public byte[] encode() {
        byte[] v = new byte[LENGTH];
        v[0] = VERSION;
        Bytes.putLong(v, 1, balance);
        Bytes.putLong(v, 9, received);
        Bytes.putLong(v, 17, sent);
        Bytes.putInt(v, 25, txCount);
        Bytes.putInt(v, 29, firstHeight);
        Bytes.putInt(v, 33, lastHeight);
        return v;
    }

    public static SummaryCodec decode(byte[] v) {
        Codec.check(v, Column.ADDRESS_SUMMARY, VERSION, LENGTH);
        return new SummaryCodec(Bytes.getLong(v, 1), Bytes.getLong(v, 9), Bytes.getLong(v, 17),
                Bytes.getInt(v, 25), Bytes.getInt(v, 29), Bytes.getInt(v, 33));
    }
}
