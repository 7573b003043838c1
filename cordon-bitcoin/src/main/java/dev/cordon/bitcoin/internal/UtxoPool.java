package dev.cordon.bitcoin.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Unspent outputs of a synthetic chain in parallel primitive arrays: txid (wire order), output
 * index, value and script kind id. {@link #take} removes a random entry in O(1) by moving the
 * last entry into its slot.
 */
public final class UtxoPool {
    private byte[] txids = new byte[32 * 1024];
    private int[] index = new int[1024];
    private long[] value = new long[1024];
    private byte[] kind = new byte[1024];
    private int size;

    /** Fields of the entry last taken. */
    public final byte[] takenTxid = new byte[32];
    public int takenIndex;
    public long takenValue;
    public int takenKind;

    public int size() {
        return size;
    }

    public void add(byte[] txid, int txidOff, int outIndex, long outValue, int kindId) {
        if (size == index.length) {
            int cap = size * 2;
            txids = Arrays.copyOf(txids, 32 * cap);
            index = Arrays.copyOf(index, cap);
            value = Arrays.copyOf(value, cap);
            kind = Arrays.copyOf(kind, cap);
        }
        System.arraycopy(txid, txidOff, txids, 32 * size, 32);
        index[size] = outIndex;
        value[size] = outValue;
        kind[size] = (byte) kindId;
        size++;
    }

    /** Removes a uniformly chosen entry into the {@code taken*} fields; the pool must not be empty. */
    public void take(SplittableRandom rnd) {
        int i = rnd.nextInt(size);
        System.arraycopy(txids, 32 * i, takenTxid, 0, 32);
        takenIndex = index[i];
        takenValue = value[i];
        takenKind = kind[i];
        int last = --size;
        System.arraycopy(txids, 32 * last, txids, 32 * i, 32);
        index[i] = index[last];
        value[i] = value[last];
        kind[i] = kind[last];
    }
}
