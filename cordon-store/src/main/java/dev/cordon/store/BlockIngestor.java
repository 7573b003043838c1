package dev.cordon.store;

import dev.cordon.core.BlockHash;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.utxo.UtxoBlock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Feeds blocks to a {@link ChainStore} in any order, as they come out of blk files: a block
 * whose parent is the tip is appended, one whose parent has not arrived is held (at most
 * {@code maxHeld} blocks; memory grows with their size) and appended as soon as it has, one
 * already stored is skipped. Re-running an interrupted ingest over the same input therefore
 * yields the same store as an uninterrupted run. Not thread-safe: one ingestor per writer.
 */
public final class BlockIngestor {
    /** What {@link #accept} did with a block. */
    public enum Outcome {
        /** Appended, possibly followed by held descendants. */
        APPLIED,
        /** The store already holds it; nothing changed. */
        ALREADY_PRESENT,
        /** Held until its parent arrives. */
        HELD,
        /** Its parent is stored but is not the tip: a competing branch, skipped. */
        STALE
    }

    private final ChainStore store;
    private final int maxHeld;
    private final Map<BlockHash, List<UtxoBlock>> byParent = new HashMap<>();
    private final Map<BlockHash, UtxoBlock> held = new LinkedHashMap<>();
    private long applied;
    private long alreadyPresent;
    private long stale;

    /**
     * @param maxHeld how many out-of-order blocks may wait for their parent at once, at least 0
     */
    public BlockIngestor(ChainStore store, int maxHeld) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxHeld < 0) {
            throw new StoreException(ErrorCode.USAGE, "maxHeld must be >= 0: " + maxHeld);
        }
        this.maxHeld = maxHeld;
    }

    /**
     * Appends the block, holds it or skips it.
     *
     * @throws StoreException with {@link ErrorCode#DATA} when the block (or a held descendant it
     *                        releases) spends an unknown output: the failing block is not
     *                        written, every block before it is kept; and when more than
     *                        {@code maxHeld} blocks would wait for their parent
     */
    public Outcome accept(UtxoBlock block) {
        if (held.containsKey(block.hash())) {
            return Outcome.HELD;
        }
        // a child of the tip cannot be stored already (the stored chain is linear), so the common
        // case needs no lookup
        if (extendsTip(block)) {
            apply(block);
            return Outcome.APPLIED;
        }
        if (store.block(block.hash()).isPresent()) {
            alreadyPresent++;
            return Outcome.ALREADY_PRESENT;
        }
        if (block.parent().isZero() || store.block(block.parent()).isPresent()) {
            stale++;
            return Outcome.STALE;
        }
        if (held.size() >= maxHeld) {
            UtxoBlock oldest = held.isEmpty() ? block : held.values().iterator().next();
            throw new StoreException(ErrorCode.DATA, "more than " + maxHeld + " blocks wait for their parent; block "
                    + oldest.hash() + " waits for " + oldest.parent() + ", which is missing from the input");
        }
        held.put(block.hash(), block);
        byParent.computeIfAbsent(block.parent(), p -> new ArrayList<>(1)).add(block);
        return Outcome.HELD;
    }

    /** Counts so far, and the blocks still waiting for their parent. */
    public IngestReport report() {
        List<IngestReport.Waiting> waiting = new ArrayList<>(held.size());
        for (UtxoBlock b : held.values()) {
            waiting.add(new IngestReport.Waiting(b.hash(), b.parent()));
        }
        return new IngestReport(applied, alreadyPresent, stale, waiting);
    }

    private boolean extendsTip(UtxoBlock block) {
        Optional<Checkpoint> tip = store.checkpoint(block.chain());
        return tip.isEmpty() ? block.parent().isZero() : tip.get().hash().equals(block.parent());
    }

    /** Appends the block, then every held block that now extends the tip, breadth first. */
    private void apply(UtxoBlock block) {
        store.append(block);
        applied++;
        Deque<BlockHash> released = new ArrayDeque<>();
        released.add(block.hash());
        while (!released.isEmpty()) {
            List<UtxoBlock> children = byParent.remove(released.poll());
            if (children == null) {
                continue;
            }
            for (UtxoBlock child : children) {
                held.remove(child.hash());
                if (extendsTip(child)) {
                    store.append(child);
                    applied++;
                    released.add(child.hash());
                } else {
                    stale++;
                }
            }
        }
    }
}
