package dev.cordon.store.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One block's balance changes by (address id, asset id), in the order first touched: the entry
 * as it was before the block, plus running sums of what the block's transfers moved in and out.
 * Used by the writer only (single-threaded), once per block.
 *
 * <p>Design notes. A block moves value through a few thousand (address, asset) pairs, most of
 * them several times, and amounts are exact integers of up to 256 bits. The sums are kept as
 * unsigned 128-bit pairs of longs, which every realistic amount and total fits, so a transfer
 * costs two additions and no allocation; a sum that would pass 2^127, or an amount of 128 bits
 * or more, moves that sum to a {@link BigInteger}. The entry after the block is built once,
 * by {@link #result}. Keys are in an open-addressing table of primitive arrays (linear probing).
 */
final class EthBlockBalances {
    private long[] table = new long[256];
    /** Index + 1 of each table slot's entry; 0 marks a free slot. */
    private int[] slots = new int[256];
    private long[] keys = new long[128];
    private EthCodecs.Balance[] base = new EthCodecs.Balance[128];
    /** Sums in (index 2i, 2i+1: low and high 64 bits) and out. */
    private long[] in = new long[256];
    private long[] out = new long[256];
    private BigInteger[] inBig = new BigInteger[128];
    private BigInteger[] outBig = new BigInteger[128];
    private int[] count = new int[128];
    private long[] first = new long[128];
    private long[] last = new long[128];
    private int size;

    /** Entries so far. */
    int size() {
        return size;
    }

    /** The key ({@link EthBalanceCache#key}) of entry {@code i}. */
    long key(int i) {
        return keys[i];
    }

    /** The index of the entry of {@code key}, or -1. */
    int find(long key) {
        int mask = table.length - 1;
        for (int s = slot(key, mask); ; s = (s + 1) & mask) {
            int e = slots[s];
            if (e == 0) {
                return -1;
            }
            if (table[s] == key) {
                return e - 1;
            }
        }
    }

    /** Adds the entry of {@code key}, absent so far, with its value before the block; returns its index. */
    int add(long key, EthCodecs.Balance before) {
        if (size == keys.length) {
            grow();
        }
        int i = size++;
        keys[i] = key;
        base[i] = before;
        in[2 * i] = 0;
        in[2 * i + 1] = 0;
        out[2 * i] = 0;
        out[2 * i + 1] = 0;
        inBig[i] = null;
        outBig[i] = null;
        count[i] = 0;
        first[i] = -1;
        insert(key, i);
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
        return i;
    }

    /** Records that entry {@code i} received ({@code received}) or sent {@code units} at {@code height}. */
    void plus(int i, BigInteger units, boolean received, long height) {
        long[] sums = received ? in : out;
        BigInteger[] big = received ? inBig : outBig;
        int bits = units.bitLength();
        boolean added = units.signum() >= 0 && bits < 128 && big[i] == null
                && add128(sums, 2 * i, units.longValue(), bits < 64 ? 0 : units.shiftRight(64).longValue());
        if (!added) {
            BigInteger sum = big[i] == null ? toBig(sums[2 * i], sums[2 * i + 1]) : big[i];
            big[i] = sum.add(units);
            sums[2 * i] = 0;
            sums[2 * i + 1] = 0;
        }
        count[i]++;
        if (first[i] < 0) {
            first[i] = height;
        }
        last[i] = height;
    }

    /** Entry {@code i} after the block. */
    EthCodecs.Balance result(int i) {
        EthCodecs.Balance b = base[i];
        BigInteger got = inBig[i] != null ? inBig[i] : toBig(in[2 * i], in[2 * i + 1]);
        BigInteger gave = outBig[i] != null ? outBig[i] : toBig(out[2 * i], out[2 * i + 1]);
        return new EthCodecs.Balance(b.balance().add(got).subtract(gave), b.received().add(got), b.sent().add(gave),
                b.transfers() + count[i], b.firstHeight() < 0 ? first[i] : b.firstHeight(), last[i]);
    }

    /** Adds the unsigned 128-bit {@code hi:lo} to the sum at {@code at}; false, leaving it unchanged, past 2^127. */
    private static boolean add128(long[] sums, int at, long lo, long hi) {
        long l = sums[at] + lo;
        long h = sums[at + 1] + hi + (Long.compareUnsigned(l, lo) < 0 ? 1 : 0);
        if (h < 0) {
            return false;
        }
        sums[at] = l;
        sums[at + 1] = h;
        return true;
    }

    /** The non-negative number {@code hi:lo} (hi below 2^63). */
    static BigInteger toBig(long lo, long hi) {
        if (hi == 0 && lo >= 0) {
            return BigInteger.valueOf(lo);
        }
        byte[] b = new byte[16];
        Bytes.putLong(b, 0, hi);
        Bytes.putLong(b, 8, lo);
        return new BigInteger(1, b);
    }

    private void insert(long key, int index) {
        int mask = table.length - 1;
        int s = slot(key, mask);
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        table[s] = key;
        slots[s] = index + 1;
    }

    private void rehash(int n) {
        table = new long[n];
        slots = new int[n];
        for (int i = 0; i < size; i++) {
            insert(keys[i], i);
        }
    }

    private void grow() {
        int n = keys.length * 2;
        keys = Arrays.copyOf(keys, n);
        base = Arrays.copyOf(base, n);
        in = Arrays.copyOf(in, 2 * n);
        out = Arrays.copyOf(out, 2 * n);
        inBig = Arrays.copyOf(inBig, n);
        outBig = Arrays.copyOf(outBig, n);
        count = Arrays.copyOf(count, n);
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
    }

    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
