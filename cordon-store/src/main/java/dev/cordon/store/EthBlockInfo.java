package dev.cordon.store;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.account.ContractCreation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored Ethereum block.
 *
 * @param miner         the fee recipient
 * @param transferCount value flows the block holds (fees included)
 * @param creations     contracts it created, in execution order
 */
public record EthBlockInfo(long height, BlockHash hash, BlockHash parent, Instant time, Address miner, int txCount,
                           int transferCount, List<ContractCreation> creations) {
    public EthBlockInfo {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(miner, "miner");
        creations = List.copyOf(creations);
    }
}
