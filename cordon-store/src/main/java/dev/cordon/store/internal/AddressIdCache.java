package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Committed address ids by address: a two-way set-associative cache, each address mapping to one
 * set of two slots (by its text's hash); a new entry takes the first slot and pushes the older one
 * to the second (see {@link SummaryCache}). A hit compares the chain and the text, so a slot
 * shared by two addresses never answers for the wrong one; it writes nothing and boxes nothing.
 * Single-threaded (the writer's).
 */
final class AddressIdCache {
    private static final int ABSENT = -1;

    private final String[] texts;
    /** Each slot's hash, compared first so that a slot held by another address reads no string. */
    private final int[] hashes;
    private final byte[] chains;
    private final int[] ids;
    private final int setMask;

    /** @param capacity entries, rounded up to a power of two (at least 16) */
    AddressIdCache(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        texts = new String[n];
        hashes = new int[n];
        chains = new byte[n];
        ids = new int[n];
        setMask = n / 2 - 1;
    }

    /**
     * The id cached for the address of this chain and text, or -1; {@code hash} is the address
     * key's hash ({@link AddressFilter#hashOf}, then {@link #fold}).
     */
    int get(int chainId, String text, int hash) {
        int i = set(hash);
        if (matches(i, chainId, text, hash)) {
            return ids[i];
        }
        return matches(i + 1, chainId, text, hash) ? ids[i + 1] : ABSENT;
    }

    /** Caches the address's id; {@code hash} as for {@link #get}. */
    void put(int chainId, String text, int hash, int id) {
        int i = set(hash);
        if (!matches(i, chainId, text, hash)) {
            if (!matches(i + 1, chainId, text, hash)) {
                texts[i + 1] = texts[i];
                hashes[i + 1] = hashes[i];
                chains[i + 1] = chains[i];
                ids[i + 1] = ids[i];
            }
            texts[i] = text;
            hashes[i] = hash;
            chains[i] = (byte) chainId;
        }
        ids[i] = id;
    }

    void clear() {
        Arrays.fill(texts, null);
    }

    private boolean matches(int i, int chainId, String text, int hash) {
        String t;
        return hashes[i] == hash && chains[i] == (byte) chainId && (t = texts[i]) != null && t.equals(text);
    }

    /** A 64-bit key hash folded to the 32 bits the writer's maps use. */
    static int fold(long h) {
        return (int) (h ^ (h >>> 32));
    }

    /** The first slot of the set of an address with this hash. */
    private int set(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return ((int) (h >>> 32) & setMask) << 1;
    }
}
