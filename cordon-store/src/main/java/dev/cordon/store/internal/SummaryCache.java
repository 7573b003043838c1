package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Committed address summaries by (chain, address id): a two-way set-associative cache. Each key
 * maps to one set of two slots; a new entry takes the first slot and pushes the older one to the
 * second, dropping what was there. Unlike an LRU map, a hit writes nothing and nothing is boxed;
 * two ways instead of one halve the conflict misses (two hot keys sharing a set no longer evict
 * each other), each of which costs a read from the store. The values are primitive fields, laid
 * out as in {@link IdSummaryMap}, and the texts are shared with the group maps, never changed.
 * Single-threaded (the writer's).
 */
final class SummaryCache {
    private static final long NONE = -1;
    /** Longs per slot: balance, received, sent, tx count and first height, last height. */
    private static final int STRIDE = 5;

    private final long[] keys;
    private final long[] data;
    private final byte[][] texts;
    private final int setMask;

    /** @param capacity entries, rounded up to a power of two (at least 16) */
    SummaryCache(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        keys = new long[n];
        Arrays.fill(keys, NONE);
        data = new long[n * STRIDE];
        texts = new byte[n][];
        setMask = n / 2 - 1;
    }

    /** The slot holding {@code key} ({@code chain id << 32 | address id}), or -1. */
    int find(long key) {
        int i = set(key);
        if (keys[i] == key) {
            return i;
        }
        return keys[i + 1] == key ? i + 1 : -1;
    }

    /** Adds the cached summary in {@code slot} to {@code into} as address {@code id}; returns its slot there. */
    int copyInto(int slot, IdSummaryMap into, int id) {
        int b = slot * STRIDE;
        long[] d = data;
        return into.add(id, d[b], d[b + 1], d[b + 2], (int) (d[b + 3] >>> 32), (int) d[b + 3], (int) d[b + 4],
                texts[slot]);
    }

    long balance(int slot) {
        return data[slot * STRIDE];
    }

    int txCount(int slot) {
        return (int) (data[slot * STRIDE + 3] >>> 32);
    }

    byte[] text(int slot) {
        return texts[slot];
    }

    /** Caches the summary in {@code from}'s slot under {@code key}. */
    void put(long key, IdSummaryMap from, int fromSlot) {
        int i = set(key);
        if (keys[i] != key) {
            if (keys[i + 1] != key) {
                keys[i + 1] = keys[i];
                System.arraycopy(data, i * STRIDE, data, (i + 1) * STRIDE, STRIDE);
                texts[i + 1] = texts[i];
            }
            keys[i] = key;
        }
        int b = i * STRIDE;
        data[b] = from.balance(fromSlot);
        data[b + 1] = from.received(fromSlot);
        data[b + 2] = from.sent(fromSlot);
        data[b + 3] = IdSummaryMap.pack(from.txCount(fromSlot), from.firstHeight(fromSlot));
        data[b + 4] = from.lastHeight(fromSlot);
        texts[i] = from.text(fromSlot);
    }

    void clear() {
        Arrays.fill(texts, null);
        Arrays.fill(keys, NONE);
    }

    /** The first slot of the key's set. */
    private int set(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return ((int) (h >>> 32) & setMask) << 1;
    }
}
