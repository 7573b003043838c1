package dev.cordon.store;

import dev.cordon.core.Amount;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored block.
 *
 * @param size       serialized size in bytes
 * @param totalFees  sum of its transactions' fees
 * @param totalOut   sum of all its outputs, coinbase included
 * @param firstTxNum dense number of its first transaction; the others follow
 */
public record BlockInfo(Chain chain, long height, BlockHash hash, BlockHash parent, Instant time, int txCount,
                        int size, Amount totalFees, Amount totalOut, long firstTxNum) {
    public BlockInfo {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(totalFees, "totalFees");
        Objects.requireNonNull(totalOut, "totalOut");
    }
}
