package dev.cordon.store.internal;

import dev.cordon.core.Chain;
import java.util.Arrays;

/**
 * A group's ADDRESS_HISTORY and SPENDS entries as primitive records, turned into key-value
 * entries by the commit thread ({@link #writeTo}). They are the bulk of a group's entries (about
 * four history entries and 1.6 spends per 2021 transaction) and nothing reads them back before
 * they are written, so building their keys and values on the commit thread takes that work off
 * the writer, which is the slower of the two. Truncated with the block's other writes when a
 * block fails. Single-threaded: written by the writer, then read by the commit thread after the
 * hand-over.
 */
final class FlowLog {
    private int[] histAddr = new int[1 << 12];
    private long[] histTxNum = new long[1 << 12];
    private int[] histHeight = new int[1 << 12];
    private long[] histReceived = new long[1 << 12];
    private long[] histSent = new long[1 << 12];
    private int histCount;

    private long[] spentTxNum = new long[1 << 12];
    private int[] spentVout = new int[1 << 12];
    private long[] spenderTxNum = new long[1 << 12];
    private int[] spenderInput = new int[1 << 12];
    private int spendCount;

    /** One ADDRESS_HISTORY entry: the address's net flows in the transaction. */
    void history(int addr, long txNum, int height, long received, long sent) {
        if (histCount == histAddr.length) {
            int n = histCount * 2;
            histAddr = Arrays.copyOf(histAddr, n);
            histTxNum = Arrays.copyOf(histTxNum, n);
            histHeight = Arrays.copyOf(histHeight, n);
            histReceived = Arrays.copyOf(histReceived, n);
            histSent = Arrays.copyOf(histSent, n);
        }
        int i = histCount++;
        histAddr[i] = addr;
        histTxNum[i] = txNum;
        histHeight[i] = height;
        histReceived[i] = received;
        histSent[i] = sent;
    }

    /** One SPENDS entry: output {@code vout} of {@code txNum} is spent by input {@code input} of {@code spender}. */
    void spend(long txNum, int vout, long spender, int input) {
        if (spendCount == spentTxNum.length) {
            int n = spendCount * 2;
            spentTxNum = Arrays.copyOf(spentTxNum, n);
            spentVout = Arrays.copyOf(spentVout, n);
            spenderTxNum = Arrays.copyOf(spenderTxNum, n);
            spenderInput = Arrays.copyOf(spenderInput, n);
        }
        int i = spendCount++;
        spentTxNum[i] = txNum;
        spentVout[i] = vout;
        spenderTxNum[i] = spender;
        spenderInput[i] = input;
    }

    /** A mark for {@link #truncate}: both counts in one long. */
    long mark() {
        return (long) histCount << 32 | spendCount;
    }

    /** Drops every record added since {@code mark}. */
    void truncate(long mark) {
        histCount = (int) (mark >>> 32);
        spendCount = (int) mark;
    }

    void clear() {
        histCount = 0;
        spendCount = 0;
    }

    /** Adds every record to the batch as its key-value entry (see {@link Column}). */
    void writeTo(KeyValueStore.Batch batch, Chain chain) {
        byte[] e = new byte[13 + FixedCodecs.HISTORY_LENGTH];
        e[0] = (byte) chain.id();
        for (int i = 0; i < histCount; i++) {
            Bytes.putInt(e, 1, histAddr[i]);
            Bytes.putLong(e, 5, histTxNum[i]);
            Bytes.putInt(e, 13, histHeight[i]);
            Bytes.putLong(e, 17, histReceived[i]);
            Bytes.putLong(e, 25, histSent[i]);
            batch.put(Column.ADDRESS_HISTORY, e, 13, FixedCodecs.HISTORY_LENGTH);
        }
        for (int i = 0; i < spendCount; i++) {
            Bytes.putLong(e, 1, spentTxNum[i]);
            Bytes.putInt(e, 9, spentVout[i]);
            Bytes.putLong(e, 13, spenderTxNum[i]);
            Bytes.putInt(e, 21, spenderInput[i]);
            batch.put(Column.SPENDS, e, 13, FixedCodecs.SPENDS_LENGTH);
        }
    }
}
