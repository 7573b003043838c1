package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * Open-addressing hash map from an address id to the summary a pending group will write. Linear
 * probing with backward-shift deletion, grows at 50% load; no boxing of ids, unlike the
 * {@code HashMap<Integer, SummaryCodec>} it replaces on the writer's hot path. Single-threaded
 * writes; a group in flight is only read.
 */
final class IdSummaryMap {
    private static final int EMPTY = -1;

    private int[] keys;
    private SummaryCodec[] values;
    private int mask;
    private int size;

    IdSummaryMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    int size() {
        return size;
    }

    /** The summary of address {@code id}, or null. */
    SummaryCodec get(int id) {
        int i = slot(id);
        int k;
        while ((k = keys[i]) != EMPTY) {
            if (k == id) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Adds or replaces; {@code id} must be at least 0. */
    void put(int id, SummaryCodec s) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int i = slot(id);
        int k;
        while ((k = keys[i]) != EMPTY) {
            if (k == id) {
                values[i] = s;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        values[i] = s;
        size++;
    }

    void remove(int id) {
        int i = slot(id);
        int k;
        while ((k = keys[i]) != EMPTY) {
            if (k == id) {
                break;
            }
            i = (i + 1) & mask;
        }
        if (k == EMPTY) {
            return;
        }
        size--;
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != EMPTY) {
            int home = slot(keys[j]);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = EMPTY;
        values[hole] = null;
    }

    /** Visits every entry. */
    void forEach(Visitor v) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                v.visit(keys[i], values[i]);
            }
        }
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            Arrays.fill(values, null);
            size = 0;
        }
    }

    @FunctionalInterface
    interface Visitor {
        void visit(int id, SummaryCodec s);
    }

    private int slot(int id) {
        int h = id * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        Arrays.fill(keys, EMPTY);
        values = new SummaryCodec[capacity];
        mask = capacity - 1;
        size = 0;
    }

    private void grow() {
        int[] oldKeys = keys;
        SummaryCodec[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i]);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
                size++;
            }
        }
    }
}
