package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Committed address summaries by (chain, address id): a two-way set-associative cache. Each key
 * maps to one set of two slots; a new entry takes the first slot and pushes the older one to the
 * second, dropping what was there. Unlike an LRU map, a hit writes nothing and nothing is boxed,
 * which keeps the garbage collector's card marking off the hot path; two ways instead of one
 * halve the conflict misses (two hot keys sharing a set no longer evict each other), each of which
 * costs a read from the store. The cached objects are never changed: the writer copies one
 * before updating it. Single-threaded (the writer's).
 */
final class SummaryCache {
    private static final long NONE = -1;

    private final long[] keys;
    private final SummaryCodec[] values;
    private final int setMask;

    /** @param capacity entries, rounded up to a power of two (at least 16) */
    SummaryCache(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        keys = new long[n];
        Arrays.fill(keys, NONE);
        values = new SummaryCodec[n];
        setMask = n / 2 - 1;
    }

    /** The summary cached for {@code key} ({@code chain id << 32 | address id}), or null. */
    SummaryCodec get(long key) {
        int i = set(key);
        if (keys[i] == key) {
            return values[i];
        }
        return keys[i + 1] == key ? values[i + 1] : null;
    }

    void put(long key, SummaryCodec value) {
        int i = set(key);
        if (keys[i] == key) {
            values[i] = value;
            return;
        }
        if (keys[i + 1] != key) {
            keys[i + 1] = keys[i];
            values[i + 1] = values[i];
        }
        keys[i] = key;
        values[i] = value;
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(keys, NONE);
    }

    /** The first slot of the key's set. */
    private int set(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return ((int) (h >>> 32) & setMask) << 1;
    }
}
