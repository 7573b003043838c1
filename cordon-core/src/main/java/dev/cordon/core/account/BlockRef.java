package dev.cordon.core.account;

import dev.cordon.core.BlockHash;
import java.util.Objects;

/** A block identified by its height and hash. */
public record BlockRef(long height, BlockHash hash) {
    public BlockRef {
        Objects.requireNonNull(hash, "hash");
        if (height < 0) {
            throw new IllegalArgumentException("negative height " + height);
        }
    }

    @Override
    public String toString() {
        return height + " (0x" + hash.hex() + ")";
    }
}
