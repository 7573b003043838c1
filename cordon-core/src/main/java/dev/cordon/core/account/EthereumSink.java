package dev.cordon.core.account;

import java.util.List;
import java.util.Optional;

/**
 * Where ingested Ethereum blocks go: the chain store implements this (cordon-store's
 * {@code EthereumStore}); cordon-ethereum's {@code InMemoryEthereumSink} is its twin for tests.
 * It lives in core so that the store can implement it without depending on the decoder. The sink holds a contiguous run of blocks, each linked to the one before
 * by its parent hash, and is the single source of truth for where ingest resumes.
 *
 * <p>Contract (checked for every implementation by {@code EthereumSinkContractTest}):
 * <ul>
 *   <li>{@link #applyBlock} is atomic: afterwards the block's transfers and creations are all
 *       visible and {@link #checkpoint()} is the block, or (on any exception) none of it is.</li>
 *   <li>A sink holding blocks accepts only the next height whose parent hash is the checkpoint's
 *       hash; anything else is refused with a {@link dev.cordon.core.CordonException} of code
 *       {@code STORE} and changes nothing. An empty sink accepts any block.</li>
 *   <li>{@link #rollbackTo} removes every block above a height, atomically, with all it holds.</li>
 *   <li>{@link #recentBlocks} remembers at least the last {@link #MIN_RECENT} blocks, so that a
 *       reorganisation that deep can find its common ancestor after a restart.</li>
 * </ul>
 */
public interface EthereumSink {
    /** Blocks every sink must remember in {@link #recentBlocks}. */
    int MIN_RECENT = 128;

    /**
     * Stores one block and moves the checkpoint to it, all or nothing.
     *
     * @throws dev.cordon.core.CordonException with code STORE if the block does not extend the checkpoint
     */
    void applyBlock(EthBlockFlows block);

    /**
     * Removes every block above {@code height}; a height below the first block empties the sink.
     * Does nothing when the checkpoint is at or below {@code height}.
     */
    void rollbackTo(long height);

    /** The last applied block, or empty when the sink holds none. */
    Optional<BlockRef> checkpoint();

    /** Up to {@code limit} of the last applied blocks, newest first, contiguous. */
    List<BlockRef> recentBlocks(int limit);
}
