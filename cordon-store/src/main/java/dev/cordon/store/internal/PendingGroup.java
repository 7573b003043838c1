package dev.cordon.store.internal;

import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import java.util.HashSet;
import java.util.Set;

/**
 * Blocks applied but not yet committed: one open batch and what it changes. Reused for a later
 * group once written ({@link #reuse}): its maps grow to hundreds of thousands of entries, and
 * allocating them anew per group cost copies while they grew and old-generation garbage after.
 */
final class PendingGroup {
    Chain chain;
    KeyValueStore.Batch batch;
    long startMillis;
    final Set<BlockHash> blocks = new HashSet<>();
    /** Outputs spent by the group's blocks (their SPENDS entries are not on disk yet). */
    final OutputMap spent = new OutputMap(1 << 12);
    /** Addresses the group's blocks created, by text (a group holds one chain). */
    final TextIdMap newAddresses = new TextIdMap(1 << 12);
    /** Summaries of every address the group's blocks touched, as they will be written. */
    final IdSummaryMap summaries = new IdSummaryMap(1 << 12);
    /** The group's history and spends entries, built into the batch by the commit thread. */
    final FlowLog flows = new FlowLog();
    CheckpointCodec tip;
    long txs;
    /** Whether {@link #flows}, the summaries and the checkpoint are in the batch already. */
    boolean prepared;

    PendingGroup(Chain chain, KeyValueStore.Batch batch, long startMillis) {
        this.chain = chain;
        this.batch = batch;
        this.startMillis = startMillis;
    }

    /** Empties this written group's state for a new group, keeping the maps' memory. */
    PendingGroup reuse(Chain newChain, KeyValueStore.Batch newBatch, long newStartMillis) {
        chain = newChain;
        batch = newBatch;
        startMillis = newStartMillis;
        blocks.clear();
        spent.clear();
        newAddresses.clear();
        summaries.clear();
        flows.clear();
        tip = null;
        txs = 0;
        prepared = false;
        return this;
    }
}
