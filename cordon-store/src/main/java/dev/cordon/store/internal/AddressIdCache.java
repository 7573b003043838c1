package dev.cordon.store.internal;

import dev.cordon.core.Address;
import java.util.Arrays;

/**
 * Committed address ids by address: a direct-mapped cache, each address having one slot (by its
 * text's hash), a newer entry replacing whatever held the slot. A hit compares the chain and
 * the text, so a slot shared by two addresses never answers for the wrong one; it writes
 * nothing and boxes nothing (see {@link SummaryCache}). Single-threaded (the writer's).
 */
final class AddressIdCache {
    private static final int ABSENT = -1;

    private final String[] texts;
    private final byte[] chains;
    private final int[] ids;
    private final int mask;

    /** @param capacity entries, rounded up to a power of two (at least 16) */
    AddressIdCache(int capacity) {
        int n = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        texts = new String[n];
        chains = new byte[n];
        ids = new int[n];
        mask = n - 1;
    }

    /** The id cached for the address, or -1. */
    int get(Address a) {
        int i = slot(a);
        String t = texts[i];
        return t != null && chains[i] == (byte) a.chain().id() && t.equals(a.value()) ? ids[i] : ABSENT;
    }

    void put(Address a, int id) {
        put(a.chain().id(), a.value(), id);
    }

    void put(int chainId, String text, int id) {
        int i = slot(chainId, text);
        texts[i] = text;
        chains[i] = (byte) chainId;
        ids[i] = id;
    }

    void clear() {
        Arrays.fill(texts, null);
    }

    private int slot(Address a) {
        return slot(a.chain().id(), a.value());
    }

    private int slot(int chainId, String text) {
        long h = (text.hashCode() ^ ((long) chainId << 40)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
