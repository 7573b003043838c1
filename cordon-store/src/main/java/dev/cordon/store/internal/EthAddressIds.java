package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Ethereum address ids by the 20 address bytes: an open-addressing table (linear probing) of
 * primitive arrays, the key read straight from the address text's 40 hex digits, so a lookup
 * allocates nothing and boxes nothing. Used by the writer only (single-threaded), which puts
 * committed ids and, as it assigns them, the ids of the block being written; when that block is
 * not committed the writer empties the table.
 *
 * <p>Design notes. Ids are dense and an address has exactly one, so when the table holds as
 * many entries as the store has ids ({@link #holdsAll}) a miss proves the address new and the
 * writer skips the read from the store; that is the case from an empty store until the table
 * is first full. A table holding {@code maxEntries} is emptied between blocks ({@link #trim}),
 * never within one (it grows instead, so a block's new ids are never dropped): the writer then
 * reads misses from the store and refills it. About 24 bytes per slot, at most three quarters
 * of the slots used.
 */
final class EthAddressIds {
    /** Returned by {@link #get} for an address not in the table. */
    static final int ABSENT = -1;

    private long[] high;
    private long[] mid;
    private int[] low;
    /** Id + 1; 0 marks a free slot. */
    private int[] ids;
    private int mask;
    private final int maxEntries;
    private int size;
    private long h;
    private long m;
    private int l;

    /** @param maxEntries addresses held before the table is emptied (at least 16) */
    EthAddressIds(int maxEntries) {
        this.maxEntries = Math.max(16, maxEntries);
        int n = Integer.highestOneBit(this.maxEntries + this.maxEntries / 3) << 1;
        high = new long[n];
        mid = new long[n];
        low = new int[n];
        ids = new int[n];
        mask = n - 1;
    }

    /**
     * The id of the address {@code text} ({@code 0x} and 40 lowercase hex digits), or
     * {@link #ABSENT}; also {@link #ABSENT} for text of another shape, which the caller then
     * validates the slow way.
     */
    int get(String text) {
        if (!parse(text)) {
            return ABSENT;
        }
        for (int i = slot(); ; i = (i + 1) & mask) {
            int id = ids[i];
            if (id == 0) {
                return ABSENT;
            }
            if (high[i] == h && mid[i] == m && low[i] == l) {
                return id - 1;
            }
        }
    }

    /**
     * Remembers an id; the table grows when it must.
     *
     * @return false, keeping nothing, for text of another shape than {@link #get} reads
     */
    boolean put(String text, int id) {
        if (id < 0 || !parse(text)) {
            return false;
        }
        for (int i = slot(); ; i = (i + 1) & mask) {
            if (ids[i] == 0) {
                high[i] = h;
                mid[i] = m;
                low[i] = l;
                ids[i] = id + 1;
                if (++size > ids.length / 4 * 3) {
                    rehash(ids.length * 2);
                }
                return true;
            }
            if (high[i] == h && mid[i] == m && low[i] == l) {
                ids[i] = id + 1;
                return true;
            }
        }
    }

    /** Empties a table holding {@code maxEntries} or more; call between blocks. */
    void trim() {
        if (size >= maxEntries) {
            clear();
        }
    }

    /** Whether every id below {@code nextId} is in the table, so that a miss means a new address. */
    boolean holdsAll(int nextId) {
        return size == nextId;
    }

    void clear() {
        Arrays.fill(ids, 0);
        size = 0;
    }

    private void rehash(int n) {
        long[] oh = high;
        long[] om = mid;
        int[] ol = low;
        int[] oi = ids;
        high = new long[n];
        mid = new long[n];
        low = new int[n];
        ids = new int[n];
        mask = n - 1;
        for (int j = 0; j < oi.length; j++) {
            if (oi[j] != 0) {
                h = oh[j];
                m = om[j];
                l = ol[j];
                int i = slot();
                while (ids[i] != 0) {
                    i = (i + 1) & mask;
                }
                high[i] = h;
                mid[i] = m;
                low[i] = l;
                ids[i] = oi[j];
            }
        }
    }

    private int slot() {
        long x = (h ^ Long.rotateLeft(m, 21) ^ l) * 0x9E3779B97F4A7C15L;
        return (int) (x >>> 40) & mask;
    }

    /** Reads the 20 bytes of {@code text} into h, m, l; false for anything but 0x + 40 lowercase hex digits. */
    private boolean parse(String text) {
        if (text.length() != 42 || text.charAt(0) != '0' || text.charAt(1) != 'x') {
            return false;
        }
        long a = 0;
        long b = 0;
        int c = 0;
        for (int i = 0; i < 40; i++) {
            int d = digit(text.charAt(2 + i));
            if (d < 0) {
                return false;
            }
            if (i < 16) {
                a = a << 4 | d;
            } else if (i < 32) {
                b = b << 4 | d;
            } else {
                c = c << 4 | d;
            }
        }
        h = a;
        m = b;
        l = c;
        return true;
    }

    private static int digit(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
    }
}
