package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Committed address summaries by (chain, address id): a direct-mapped cache, each key having
 * one slot (its hash), a newer entry replacing whatever held the slot. Unlike an LRU map, a hit
 * writes nothing and nothing is boxed, which keeps the garbage collector's card marking off the
 * hot path; the price is conflict misses, which cost a read from the store. The cached objects
 * are never changed: the writer copies one before updating it. Single-threaded (the writer's).
 */
final class SummaryCache {
    private final long[] keys;
    private final SummaryCodec[] values;
    private final int mask;

    /** @param capacity entries, rounded up to a power of two (at least 16) */
    SummaryCache(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        keys = new long[n];
        values = new SummaryCodec[n];
        mask = n - 1;
    }

    /** The summary cached for {@code key} ({@code chain id << 32 | address id}), or null. */
    SummaryCodec get(long key) {
        int i = slot(key);
        return keys[i] == key ? values[i] : null;
    }

    void put(long key, SummaryCodec value) {
        int i = slot(key);
        keys[i] = key;
        values[i] = value;
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(keys, 0);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
