package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * The summaries a pending group will write, by address id: an open-addressing hash map whose
 * values are primitive fields, five {@code long}s per slot in one array. Linear probing with
 * backward-shift deletion, grows at 50% load. Callers address an entry by its slot, which stays
 * valid until the next {@link #add} or {@link #remove}. Single-threaded writes; a group in
 * flight is only read.
 *
 * <p>Design notes. The writer touches about two summaries per transaction. As objects in a
 * {@code HashMap}, then in an id-to-object map, each touch cost a miss on the key array, one on
 * the value array and one on the object, and every group allocated a copy of each summary it
 * changed; G1 also had to track every reference stored into the long-lived arrays.
 */
final class IdSummaryMap {
    /** Longs per slot: balance, received, sent, tx count and first height, last height and stamp. */
    private static final int STRIDE = 5;
    private static final int EMPTY = -1;
    /** The stamp of an entry no block has stamped since it entered the map. */
    static final int UNSTAMPED = -1;

    /** Address ids, probed apart from the values so that a probe reads 16 ids per cache line. */
    private int[] keys;
    private long[] data;
    private byte[][] texts;
    private int mask;
    private int size;

    IdSummaryMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    int size() {
        return size;
    }

    /** The slot of address {@code id}, or -1. */
    int find(int id) {
        int[] ks = keys;
        int i = home(id);
        int k;
        while ((k = ks[i]) != EMPTY) {
            if (k == id) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /**
     * Adds the summary of address {@code id}, which must be absent and at least 0, unstamped.
     *
     * @param text the address's UTF-8 text, not copied and never changed
     * @return its slot
     */
    int add(int id, long balance, long received, long sent, int txCount, int firstHeight, int lastHeight, byte[] text) {
        if (2 * (size + 1) > texts.length) {
            grow();
        }
        int i = home(id);
        int k;
        while ((k = keys[i]) != EMPTY) {
            if (k == id) {
                throw new IllegalStateException("address id " + id + " is already in the map");
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        int b = i * STRIDE;
        data[b] = balance;
        data[b + 1] = received;
        data[b + 2] = sent;
        data[b + 3] = pack(txCount, firstHeight);
        data[b + 4] = pack(lastHeight, UNSTAMPED);
        texts[i] = text;
        size++;
        return i;
    }

    /** Adds address {@code id} with the values of {@code from}'s slot, unstamped. */
    int addCopy(int id, IdSummaryMap from, int slot) {
        long[] f = from.data;
        int b = slot * STRIDE;
        return add(id, f[b], f[b + 1], f[b + 2], (int) (f[b + 3] >>> 32), (int) f[b + 3], (int) (f[b + 4] >>> 32),
                from.texts[slot]);
    }

    /** Records a transaction at {@code height} that paid the address {@code received} and took {@code sent}. */
    void addFlow(int slot, int height, long received, long sent) {
        long[] d = data;
        int b = slot * STRIDE;
        long counts = d[b + 3];
        int txCount = (int) (counts >>> 32);
        d[b] += received - sent;
        d[b + 1] += received;
        d[b + 2] += sent;
        d[b + 3] = pack(txCount + 1, txCount == 0 ? height : (int) counts);
        d[b + 4] = pack(height, (int) d[b + 4]);
    }

    /** Sets every value of a slot but the text and the stamp. */
    void set(int slot, long balance, long received, long sent, int txCount, int firstHeight, int lastHeight) {
        int b = slot * STRIDE;
        data[b] = balance;
        data[b + 1] = received;
        data[b + 2] = sent;
        data[b + 3] = pack(txCount, firstHeight);
        data[b + 4] = pack(lastHeight, (int) data[b + 4]);
    }

    int id(int slot) {
        return keys[slot];
    }

    long balance(int slot) {
        return data[slot * STRIDE];
    }

    long received(int slot) {
        return data[slot * STRIDE + 1];
    }

    long sent(int slot) {
        return data[slot * STRIDE + 2];
    }

    int txCount(int slot) {
        return (int) (data[slot * STRIDE + 3] >>> 32);
    }

    int firstHeight(int slot) {
        return (int) data[slot * STRIDE + 3];
    }

    int lastHeight(int slot) {
        return (int) (data[slot * STRIDE + 4] >>> 32);
    }

    byte[] text(int slot) {
        return texts[slot];
    }

    /** The serial (low 32 bits) of the last block that saved this entry's values, or {@link #UNSTAMPED}. */
    int stamp(int slot) {
        return (int) data[slot * STRIDE + 4];
    }

    void stamp(int slot, int serial) {
        int b = slot * STRIDE + 4;
        data[b] = (data[b] & 0xffffffff00000000L) | (serial & 0xffffffffL);
    }

    /** The ADDRESS_SUMMARY value of a slot, as {@link SummaryCodec#encode} writes it. */
    byte[] encode(int slot) {
        return SummaryCodec.encode(balance(slot), received(slot), sent(slot), txCount(slot), firstHeight(slot),
                lastHeight(slot), texts[slot]);
    }

    void remove(int id) {
        int i = find(id);
        if (i < 0) {
            return;
        }
        size--;
        int hole = i;
        int j = (i + 1) & mask;
        int k;
        while ((k = keys[j]) != EMPTY) {
            int home = home(k);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = k;
                System.arraycopy(data, j * STRIDE, data, hole * STRIDE, STRIDE);
                texts[hole] = texts[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = EMPTY;
        texts[hole] = null;
    }

    /** Visits every entry's id and slot; the visitor must not add or remove. */
    void forEach(Visitor v) {
        int[] ks = keys;
        for (int i = 0; i < ks.length; i++) {
            int k = ks[i];
            if (k != EMPTY) {
                v.visit(k, i);
            }
        }
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            Arrays.fill(texts, null);
            size = 0;
        }
    }

    @FunctionalInterface
    interface Visitor {
        void visit(int id, int slot);
    }

    static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }

    private int home(int id) {
        int h = id * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        Arrays.fill(keys, EMPTY);
        data = new long[capacity * STRIDE];
        texts = new byte[capacity][];
        mask = capacity - 1;
        size = 0;
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldData = data;
        byte[][] oldTexts = texts;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            int k = oldKeys[i];
            if (k != EMPTY) {
                int j = home(k);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = k;
                System.arraycopy(oldData, i * STRIDE, data, j * STRIDE, STRIDE);
                texts[j] = oldTexts[i];
                size++;
            }
        }
    }
}
