package dev.cordon.intel.trace.internal;

import java.util.Arrays;

/**
 * Open-addressing hash map from non-negative int keys to int values, linear probing, no
 * boxing. {@link #get} answers {@link #MISSING} for absent keys. Amortized O(1) per operation.
 */
public final class IntIntMap {
    /** Answer of {@link #get} for an absent key. */
    public static final int MISSING = -1;

    private int[] keys;
    private int[] values;
    private int size;
    private int mask;

    public IntIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[cap];
        values = new int[cap];
        Arrays.fill(keys, -1);
        mask = cap - 1;
    }

    public int size() {
        return size;
    }

    public int get(int key) {
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == -1) {
                return MISSING;
            }
        }
    }

    /** Maps {@code key} (at least 0) to {@code value}, replacing any previous value. */
    public void put(int key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        if (2 * (size + 1) > keys.length) {
            rehash();
        }
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == -1) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    private void rehash() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(keys, -1);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
