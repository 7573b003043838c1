package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Open-addressing hash map from an address text to its id, for the addresses a pending group
 * creates. Keys are the texts as the decoder produced them (equal texts of one chain are equal
 * addresses: a group never mixes chains); the caller passes each text's hash, the one it already
 * computed for the {@link AddressFilter}, and must pass the same hash for the same text. Linear probing
 * with backward-shift deletion, grows at 50% load; no object per entry and no boxing, unlike the
 * {@code HashMap<Address, Integer>} it replaces on the writer's hot path. Single-threaded
 * writes; a group in flight is only read.
 */
final class TextIdMap {
    /** What {@link #get} returns for an absent text; ids are never negative. */
    static final int ABSENT = -1;

    private String[] keys;
    /** Each key's hash, compared before the text so that probing past other keys reads no strings. */
    private int[] hashes;
    private int[] ids;
    private int mask;
    private int size;

    TextIdMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    int size() {
        return size;
    }

    int get(String text, int h) {
        int i = slot(h);
        String k;
        while ((k = keys[i]) != null) {
            if (hashes[i] == h && k.equals(text)) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        return ABSENT;
    }

    /** Adds or replaces the id of {@code text}; {@code id} must be at least 0. */
    void put(String text, int h, int id) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int i = slot(h);
        String k;
        while ((k = keys[i]) != null) {
            if (hashes[i] == h && k.equals(text)) {
                ids[i] = id;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = text;
        hashes[i] = h;
        ids[i] = id;
        size++;
    }

    /** Removes {@code text}, if present. */
    void remove(String text, int h) {
        int i = slot(h);
        String k;
        while ((k = keys[i]) != null) {
            if (hashes[i] == h && k.equals(text)) {
                break;
            }
            i = (i + 1) & mask;
        }
        if (k == null) {
            return;
        }
        size--;
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != null) {
            int home = slot(hashes[j]);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                hashes[hole] = hashes[j];
                ids[hole] = ids[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = null;
    }

    /** Visits every entry. */
    void forEach(Visitor v) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                v.visit(keys[i], hashes[i], ids[i]);
            }
        }
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(keys, null);
            size = 0;
        }
    }

    @FunctionalInterface
    interface Visitor {
        void visit(String text, int hash, int id);
    }

    private int slot(int hash) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 15)) & mask;
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
        hashes = new int[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
        size = 0;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldIds = ids;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int j = slot(oldHashes[i]);
                while (keys[j] != null) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                hashes[j] = oldHashes[i];
                ids[j] = oldIds[i];
                size++;
            }
        }
    }
}
