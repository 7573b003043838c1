package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Committed address summaries by (chain, address id): a two-way set-associative cache. Each key
 * maps to one set of two slots; a new entry takes the first slot and pushes the older one to the
 * second, dropping what was there. Unlike an LRU map, a hit writes nothing and nothing is boxed;
 * two ways instead of one halve the conflict misses (two hot keys sharing a set no longer evict
 * each other), each of which costs a read from the store. The values are primitive fields next
 * to their key, laid out as in {@link IdSummaryMap}, and the texts are shared with the group maps,
 * never changed.
 * Single-threaded (the writer's).
 */
final class SummaryCache {
    private static final long NONE = -1;
    /**
     * Longs per slot: the key, then balance, received, sent, tx count and first height, last
     * height. A slot's key and values share one array, and the two slots of a set are adjacent
     * (96 bytes), so that a lookup or a put touches two or three neighbouring cache lines instead
     * of lines in separate key and value arrays. Handing written groups' summaries and address
     * ids over to the caches took 0.58-0.68 s of the writer's time on 682k transactions, against
     * 0.78-0.93 s with separate arrays.
     */
    private static final int STRIDE = 6;

    private final long[] slots;
    private final byte[][] texts;
    private final int setMask;

    /** @param capacity entries, rounded up to a power of two (at least 16) */
    SummaryCache(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        slots = new long[n * STRIDE];
        for (int i = 0; i < n; i++) {
            slots[i * STRIDE] = NONE;
        }
        texts = new byte[n][];
        setMask = n / 2 - 1;
    }

    /** The slot holding {@code key} ({@code chain id << 32 | address id}), or -1. */
    int find(long key) {
        int i = set(key);
        long[] s = slots;
        if (s[i * STRIDE] == key) {
            return i;
        }
        return s[(i + 1) * STRIDE] == key ? i + 1 : -1;
    }

    /** Adds the cached summary in {@code slot} to {@code into} as address {@code id}; returns its slot there. */
    int copyInto(int slot, IdSummaryMap into, int id) {
        int b = slot * STRIDE;
        long[] s = slots;
        return into.add(id, s[b + 1], s[b + 2], s[b + 3], (int) (s[b + 4] >>> 32), (int) s[b + 4], (int) s[b + 5],
                texts[slot]);
    }

    long balance(int slot) {
        return slots[slot * STRIDE + 1];
    }

    int txCount(int slot) {
        return (int) (slots[slot * STRIDE + 4] >>> 32);
    }

    byte[] text(int slot) {
        return texts[slot];
    }

    /** Caches the summary in {@code from}'s slot under {@code key}. */
    void put(long key, IdSummaryMap from, int fromSlot) {
        int i = set(key);
        long[] s = slots;
        int b = i * STRIDE;
        if (s[b] != key) {
            if (s[b + STRIDE] != key) {
                System.arraycopy(s, b, s, b + STRIDE, STRIDE);
                texts[i + 1] = texts[i];
            }
            s[b] = key;
        }
        s[b + 1] = from.balance(fromSlot);
        s[b + 2] = from.received(fromSlot);
        s[b + 3] = from.sent(fromSlot);
        s[b + 4] = IdSummaryMap.pack(from.txCount(fromSlot), from.firstHeight(fromSlot));
        s[b + 5] = from.lastHeight(fromSlot);
        texts[i] = from.text(fromSlot);
    }

    void clear() {
        Arrays.fill(texts, null);
        for (int i = 0; i < slots.length; i += STRIDE) {
            slots[i] = NONE;
        }
    }

    /** The first slot of the key's set. */
    private int set(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return ((int) (h >>> 32) & setMask) << 1;
    }
}
