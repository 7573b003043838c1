package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Committed ETH_BALANCES entries by (address id, asset id): a direct-mapped cache, each key
 * having one slot (by its hash), a newer entry replacing whatever held the slot (see
 * {@link SummaryCache} for why not an LRU map). Holds the stored bytes, which a block's undo
 * record keeps as the prior value, beside their decoded form; neither is ever changed. Used by
 * the writer only (single-threaded).
 */
final class EthBalanceCache {
    private final long[] keys;
    private final byte[][] stored;
    private final EthCodecs.Balance[] decoded;
    private final int mask;

    /** @param capacity entries, rounded up to a power of two (at least 16) */
    EthBalanceCache(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        keys = new long[n];
        stored = new byte[n][];
        decoded = new EthCodecs.Balance[n];
        mask = n - 1;
    }

    static long key(int addressId, int assetId) {
        return (long) addressId << 32 | (assetId & 0xffffffffL);
    }

    /** The stored bytes cached for {@code key}, or null. */
    byte[] stored(long key) {
        int i = slot(key);
        return keys[i] == key ? stored[i] : null;
    }

    /** The decoded entry for {@code key}; only after {@link #stored} returned non-null for it. */
    EthCodecs.Balance decoded(long key) {
        return decoded[slot(key)];
    }

    void put(long key, byte[] bytes, EthCodecs.Balance balance) {
        int i = slot(key);
        keys[i] = key;
        stored[i] = bytes;
        decoded[i] = balance;
    }

    void clear() {
        Arrays.fill(stored, null);
        Arrays.fill(decoded, null);
        Arrays.fill(keys, 0);
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
