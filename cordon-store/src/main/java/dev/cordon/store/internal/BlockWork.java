package dev.cordon.store.internal;

import java.util.Arrays;

/**
 * What the block being applied has created and spent so far, and how to take back what it
 * changed in its group; reused per block.
 *
 * <p>Design notes. New addresses and summaries go straight into the group's maps, where the
 * following blocks look them up; the block keeps an undo log instead of an overlay, because a
 * block that fails (an input spends an unknown output) is rare, while merging an overlay into
 * the group cost every block a second pass over everything it touched. The log holds the texts
 * the block added and, per summary, the values it had before the block first changed it
 * (the entry's stamp in {@link IdSummaryMap} says whether that happened already), or that the block added it.
 * Outputs go straight into the output cache and the group's spent set too, each logged
 * ({@link #created}, {@link #spentCached}, {@link #spentStored}) so that a failing block takes
 * them back: a per-block overlay merged into the cache after the block cost every output two hash
 * insertions and every input two removals.
 */
final class BlockWork {
    private static final byte CREATED = 0;
    private static final byte SPENT_CACHED = 1;
    private static final byte SPENT_STORED = 2;

    /** The output log: kind, txid (32 bytes each), vout, and a cached spent output's fields. */
    private byte[] outKinds = new byte[1 << 12];
    private byte[] outTxids = new byte[32 << 12];
    private int[] outVouts = new int[1 << 12];
    private long[] outTxNums = new long[1 << 12];
    private int[] outAddrs = new int[1 << 12];
    private long[] outValues = new long[1 << 12];
    private int outCount;
    final byte[] spentTxid = new byte[32];
    final byte[] ownTxid = new byte[32];
    PendingGroup group;
    /** The chain's address filter: holds every address key the store and pending groups have. */
    AddressFilter filter;
    /**
     * Serial of the block being applied, unique within the writer; its low 32 bits stamp the
     * summaries it changes (a group never spans 2^32 blocks).
     */
    long serial;
    int height;
    int nextAddrId;
    long fees;
    long totalOut;
    long foundTxNum;
    int foundAddr;
    long foundValue;
    /** Per-transaction address flows, in first-seen order. */
    int[] flowAddr = new int[16];
    long[] flowReceived = new long[16];
    long[] flowSent = new long[16];
    int flowCount;

    private String[] addedTexts = new String[256];
    private int[] addedHashes = new int[256];
    private int addedTextCount;
    private int[] undoIds = new int[256];
    /** balance, received, sent per undo entry; {@code undoAdded} marks a summary the block added. */
    private long[] undoAmounts = new long[3 * 256];
    /** txCount, firstHeight, lastHeight per undo entry. */
    private int[] undoCounts = new int[3 * 256];
    private boolean[] undoAdded = new boolean[256];
    private int undoCount;

    void reset(PendingGroup g, long blockSerial, int blockHeight, int firstAddrId) {
        group = g;
        serial = blockSerial;
        height = blockHeight;
        nextAddrId = firstAddrId;
        fees = 0;
        totalOut = 0;
        outCount = 0;
        addedTextCount = 0;
        undoCount = 0;
    }

    void found(long txNum, int addr, long value) {
        foundTxNum = txNum;
        foundAddr = addr;
        foundValue = value;
    }

    void flow(int addr, long received, long sent) {
        for (int f = 0; f < flowCount; f++) {
            if (flowAddr[f] == addr) {
                flowReceived[f] += received;
                flowSent[f] += sent;
                return;
            }
        }
        if (flowCount == flowAddr.length) {
            flowAddr = Arrays.copyOf(flowAddr, flowCount * 2);
            flowReceived = Arrays.copyOf(flowReceived, flowCount * 2);
            flowSent = Arrays.copyOf(flowSent, flowCount * 2);
        }
        flowAddr[flowCount] = addr;
        flowReceived[flowCount] = received;
        flowSent[flowCount] = sent;
        flowCount++;
    }

    /** Records that the block put an output it created into the output cache. */
    void created(byte[] txid, int vout) {
        logOutput(CREATED, txid, vout, 0, 0, 0);
    }

    /** Records that the block spent an output it took from the output cache and put into the group's spent set. */
    void spentCached(byte[] txid, int vout, long txNum, int addr, long value) {
        logOutput(SPENT_CACHED, txid, vout, txNum, addr, value);
    }

    /** Records that the block spent an output read from the store and put it into the group's spent set. */
    void spentStored(byte[] txid, int vout) {
        logOutput(SPENT_STORED, txid, vout, 0, 0, 0);
    }

    private void logOutput(byte kind, byte[] txid, int vout, long txNum, int addr, long value) {
        if (outCount == outKinds.length) {
            int n = outCount * 2;
            outKinds = Arrays.copyOf(outKinds, n);
            outTxids = Arrays.copyOf(outTxids, 32 * n);
            outVouts = Arrays.copyOf(outVouts, n);
            outTxNums = Arrays.copyOf(outTxNums, n);
            outAddrs = Arrays.copyOf(outAddrs, n);
            outValues = Arrays.copyOf(outValues, n);
        }
        int o = outCount++;
        outKinds[o] = kind;
        System.arraycopy(txid, 0, outTxids, 32 * o, 32);
        outVouts[o] = vout;
        outTxNums[o] = txNum;
        outAddrs[o] = addr;
        outValues[o] = value;
    }

    /**
     * Takes back every output the block put into the output cache or the group's spent set, in
     * reverse order (an output created and spent in the block goes back into the cache, then out).
     */
    void undoOutputs(OutputCache cache) {
        byte[] txid = new byte[32];
        for (int o = outCount - 1; o >= 0; o--) {
            System.arraycopy(outTxids, 32 * o, txid, 0, 32);
            int vout = outVouts[o];
            if (outKinds[o] == CREATED) {
                cache.remove(txid, vout);
            } else {
                group.spent.remove(txid, vout);
                if (outKinds[o] == SPENT_CACHED) {
                    cache.put(txid, vout, outTxNums[o], outAddrs[o], outValues[o]);
                }
            }
        }
        outCount = 0;
    }

    /** Records that the block added {@code text} to the group's new addresses. */
    void addedAddress(String text, int hash) {
        if (addedTextCount == addedTexts.length) {
            addedTexts = Arrays.copyOf(addedTexts, addedTextCount * 2);
            addedHashes = Arrays.copyOf(addedHashes, addedTextCount * 2);
        }
        addedHashes[addedTextCount] = hash;
        addedTexts[addedTextCount++] = text;
    }

    /**
     * Records the values of the summary in {@code slot} of the group's map before the block
     * changes it, or that the block added it to the group ({@code added}), and stamps it; call
     * once per summary and block.
     */
    void saving(int id, IdSummaryMap m, int slot, boolean added) {
        if (undoCount == undoIds.length) {
            int n = undoCount * 2;
            undoIds = Arrays.copyOf(undoIds, n);
            undoAmounts = Arrays.copyOf(undoAmounts, 3 * n);
            undoCounts = Arrays.copyOf(undoCounts, 3 * n);
            undoAdded = Arrays.copyOf(undoAdded, n);
        }
        int u = undoCount++;
        undoIds[u] = id;
        undoAdded[u] = added;
        if (!added) {
            undoAmounts[3 * u] = m.balance(slot);
            undoAmounts[3 * u + 1] = m.received(slot);
            undoAmounts[3 * u + 2] = m.sent(slot);
            undoCounts[3 * u] = m.txCount(slot);
            undoCounts[3 * u + 1] = m.firstHeight(slot);
            undoCounts[3 * u + 2] = m.lastHeight(slot);
        }
        m.stamp(slot, (int) serial);
    }

    /** Takes back from the group every address and summary change of this block. */
    void undo() {
        PendingGroup g = group;
        for (int u = undoCount - 1; u >= 0; u--) {
            int id = undoIds[u];
            if (undoAdded[u]) {
                g.summaries.remove(id);
                continue;
            }
            int slot = g.summaries.find(id);
            g.summaries.set(slot, undoAmounts[3 * u], undoAmounts[3 * u + 1], undoAmounts[3 * u + 2],
                    undoCounts[3 * u], undoCounts[3 * u + 1], undoCounts[3 * u + 2]);
            g.summaries.stamp(slot, IdSummaryMap.UNSTAMPED);
        }
        for (int t = 0; t < addedTextCount; t++) {
            g.newAddresses.remove(addedTexts[t], addedHashes[t]);
        }
        undoCount = 0;
        addedTextCount = 0;
    }
}
