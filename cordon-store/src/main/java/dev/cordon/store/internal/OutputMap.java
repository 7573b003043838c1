package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Open-addressing hash map from an output (txid, vout) to what spending it needs: the creating
 * transaction's number, the address id and the value. Keys are the full 32-byte txid held as
 * four longs, so lookups never collide falsely. Linear probing with backward-shift deletion, no
 * tombstones; grows at 50% load. About 80 bytes per entry at that load, no object per entry.
 * Single-threaded (the writer's).
 */
final class OutputMap {
    private static final int EMPTY = -1;

    private long[] keys;
    private int[] vouts;
    private long[] txNums;
    private int[] addrs;
    private long[] values;
    private int mask;
    private int size;

    /** Result of the last successful {@link #remove}. */
    long foundTxNum;
    int foundAddr;
    long foundValue;

    OutputMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    int size() {
        return size;
    }

    /** Adds or replaces the entry of output {@code vout} of the txid in {@code txid[0..32)}. */
    void put(byte[] txid, int vout, long txNum, int addr, long value) {
        if (2 * (size + 1) > vouts.length) {
            grow();
        }
        long k0 = Bytes.getLong(txid, 0);
        long k1 = Bytes.getLong(txid, 8);
        long k2 = Bytes.getLong(txid, 16);
        long k3 = Bytes.getLong(txid, 24);
        int i = slot(k0, vout);
        while (vouts[i] != EMPTY) {
            if (matches(i, k0, k1, k2, k3, vout)) {
                break;
            }
            i = (i + 1) & mask;
        }
        if (vouts[i] == EMPTY) {
            size++;
        }
        set(i, k0, k1, k2, k3, vout, txNum, addr, value);
    }

    boolean contains(byte[] txid, int vout) {
        return find(txid, vout) >= 0;
    }

    /** Removes the entry; whether it was present (its fields then are in {@code found*}). */
    boolean remove(byte[] txid, int vout) {
        int i = find(txid, vout);
        if (i < 0) {
            return false;
        }
        foundTxNum = txNums[i];
        foundAddr = addrs[i];
        foundValue = values[i];
        size--;
        // backward-shift deletion keeps every probe chain unbroken
        int hole = i;
        int j = (i + 1) & mask;
        while (vouts[j] != EMPTY) {
            int home = slot(keys[4 * j], vouts[j]);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                moveTo(j, hole);
                hole = j;
            }
            j = (j + 1) & mask;
        }
        vouts[hole] = EMPTY;
        return true;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(vouts, EMPTY);
            size = 0;
        }
    }

    private int find(byte[] txid, int vout) {
        long k0 = Bytes.getLong(txid, 0);
        int i = slot(k0, vout);
        while (vouts[i] != EMPTY) {
            if (matches(i, k0, Bytes.getLong(txid, 8), Bytes.getLong(txid, 16), Bytes.getLong(txid, 24), vout)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private boolean matches(int i, long k0, long k1, long k2, long k3, int vout) {
        int b = 4 * i;
        return vouts[i] == vout && keys[b] == k0 && keys[b + 1] == k1 && keys[b + 2] == k2 && keys[b + 3] == k3;
    }

    private int slot(long k0, int vout) {
        long h = (k0 ^ (vout * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 31)) & mask;
    }

    private void set(int i, long k0, long k1, long k2, long k3, int vout, long txNum, int addr, long value) {
        int b = 4 * i;
        keys[b] = k0;
        keys[b + 1] = k1;
        keys[b + 2] = k2;
        keys[b + 3] = k3;
        vouts[i] = vout;
        txNums[i] = txNum;
        addrs[i] = addr;
        values[i] = value;
    }

    private void moveTo(int from, int to) {
        System.arraycopy(keys, 4 * from, keys, 4 * to, 4);
        vouts[to] = vouts[from];
        txNums[to] = txNums[from];
        addrs[to] = addrs[from];
        values[to] = values[from];
    }

    private void allocate(int capacity) {
        keys = new long[4 * capacity];
        vouts = new int[capacity];
        Arrays.fill(vouts, EMPTY);
        txNums = new long[capacity];
        addrs = new int[capacity];
        values = new long[capacity];
        mask = capacity - 1;
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldVouts = vouts;
        long[] oldTxNums = txNums;
        int[] oldAddrs = addrs;
        long[] oldValues = values;
        allocate(oldVouts.length * 2);
        for (int i = 0; i < oldVouts.length; i++) {
            if (oldVouts[i] != EMPTY) {
                int b = 4 * i;
                int j = slot(oldKeys[b], oldVouts[i]);
                while (vouts[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                set(j, oldKeys[b], oldKeys[b + 1], oldKeys[b + 2], oldKeys[b + 3], oldVouts[i], oldTxNums[i],
                        oldAddrs[i], oldValues[i]);
                size++;
            }
        }
    }
}
