package dev.cordon.store;

import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import java.util.Objects;

/** The newest block applied for a chain; it is committed atomically with that block. */
public record Checkpoint(Chain chain, long height, BlockHash hash) {
    public Checkpoint {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(hash, "hash");
    }
}
