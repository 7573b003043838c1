package dev.cordon.store;

import dev.cordon.core.BlockHash;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link BlockIngestor} has done so far.
 *
 * @param applied        blocks appended to the store
 * @param alreadyPresent blocks skipped because the store held them already
 * @param stale          blocks skipped because their parent is stored but is not the tip (a
 *                       competing branch); reorganisations are not supported
 * @param waiting        blocks still held because their parent has not arrived, oldest first
 */
public record IngestReport(long applied, long alreadyPresent, long stale, List<Waiting> waiting) {
    public IngestReport {
        waiting = List.copyOf(waiting);
    }

    /** A block held until its parent arrives. */
    public record Waiting(BlockHash hash, BlockHash parent) {
        public Waiting {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(parent, "parent");
        }
    }
}
