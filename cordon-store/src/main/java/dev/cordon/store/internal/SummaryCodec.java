package dev.cordon.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * ADDRESS_SUMMARY value: {@code [ver=2][balance s64]
 * [received s64][sent s64][tx count u32][first height u32][last height u32][utf8 address text]},
 * 37 bytes plus the text. Amounts in base units of the asset named by the key. The text makes the
 * summary also the id-to-address lookup (format 1 kept it in a column of its own).
 */
public final class SummaryCodec {
    public static final int VERSION = 2;
    /** Length without the text. */
    public static final int FIXED = 37;

    private final long balance;
    private final long received;
    private final long sent;
    private final int txCount;
    private final int firstHeight;
    private final int lastHeight;
    private final byte[] text;

    public SummaryCodec(long balance, long received, long sent, int txCount, int firstHeight, int lastHeight,
                        String text) {
        this(balance, received, sent, txCount, firstHeight, lastHeight, text.getBytes(StandardCharsets.UTF_8));
    }

    private SummaryCodec(long balance, long received, long sent, int txCount, int firstHeight, int lastHeight,
                         byte[] text) {
        this.balance = balance;
        this.received = received;
        this.sent = sent;
        this.txCount = txCount;
        this.firstHeight = firstHeight;
        this.lastHeight = lastHeight;
        this.text = text;
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

    /** The address in its canonical text form, without the chain. */
    public String text() {
        return new String(text, StandardCharsets.UTF_8);
    }

    /** The address text's UTF-8 bytes, not copied: the writer shares them and never changes them. */
    byte[] textBytes() {
        return text;
    }

    public byte[] encode() {
        return encode(balance, received, sent, txCount, firstHeight, lastHeight, text);
    }

    static byte[] encode(long balance, long received, long sent, int txCount, int firstHeight, int lastHeight,
                         byte[] text) {
        byte[] v = new byte[FIXED + text.length];
        v[0] = VERSION;
        Bytes.putLong(v, 1, balance);
        Bytes.putLong(v, 9, received);
        Bytes.putLong(v, 17, sent);
        Bytes.putInt(v, 25, txCount);
        Bytes.putInt(v, 29, firstHeight);
        Bytes.putInt(v, 33, lastHeight);
        System.arraycopy(text, 0, v, FIXED, text.length);
        return v;
    }

    public static SummaryCodec decode(byte[] v) {
        Codec.check(v, Column.ADDRESS_SUMMARY, VERSION, FIXED + 1);
        return new SummaryCodec(Bytes.getLong(v, 1), Bytes.getLong(v, 9), Bytes.getLong(v, 17),
                Bytes.getInt(v, 25), Bytes.getInt(v, 29), Bytes.getInt(v, 33), Arrays.copyOfRange(v, FIXED, v.length));
    }

    /** The balance alone, for scans over every summary. */
    static long balance(byte[] v) {
        Codec.check(v, Column.ADDRESS_SUMMARY, VERSION, FIXED + 1);
        return Bytes.getLong(v, 1);
    }
}
