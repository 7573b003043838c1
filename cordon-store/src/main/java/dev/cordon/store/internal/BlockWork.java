package dev.cordon.store.internal;

import dev.cordon.core.Address;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** What the block being applied has created, spent and touched so far; reused per block. */
final class BlockWork {
    final OutputMap created = new OutputMap(1 << 12);
    final OutputMap spent = new OutputMap(1 << 12);
    final Map<Address, Integer> newAddresses = new HashMap<>();
    final Map<Integer, SummaryCodec> summaries = new HashMap<>();
    final byte[] spentTxid = new byte[32];
    final byte[] ownTxid = new byte[32];
    PendingGroup group;
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

    void reset(PendingGroup g, int blockHeight, int firstAddrId) {
        group = g;
        height = blockHeight;
        nextAddrId = firstAddrId;
        fees = 0;
        totalOut = 0;
        created.clear();
        spent.clear();
        newAddresses.clear();
        summaries.clear();
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
}
