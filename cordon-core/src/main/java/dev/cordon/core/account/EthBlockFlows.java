package dev.cordon.core.account;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Transfer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything of value that one Ethereum block moved: the unit that an {@code EthereumSink}
 * applies atomically.
 *
 * @param height     block number
 * @param hash       the block's hash
 * @param parentHash its parent's hash; links blocks into a chain so that reorgs can be detected
 * @param timestamp  the block's timestamp
 * @param miner      the fee recipient ({@code miner} / {@code author})
 * @param txCount    number of transactions in the block
 * @param transfers  ordered by transaction index, then position
 * @param creations  contracts created, in execution order
 * @param notes      what could not be decoded completely (for example a geth self-destruct frame
 *                   without its beneficiary, or a router deposit whose memo is not ABI text), one
 *                   line each; empty for a fully decoded block
 * @param deposits   bridge router deposits announced by the block's successful transactions, in
 *                   log order; empty when the source carries no logs (the ethereum-etl import)
 */
public record EthBlockFlows(long height, BlockHash hash, BlockHash parentHash, Instant timestamp, Address miner,
                            int txCount, List<Transfer> transfers, List<ContractCreation> creations,
                            List<String> notes, List<BridgeDeposit> deposits) {
    public EthBlockFlows {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parentHash, "parentHash");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(miner, "miner");
        if (height < 0 || txCount < 0) {
            throw new IllegalArgumentException("negative height or tx count: " + height + "/" + txCount);
        }
        transfers = List.copyOf(transfers);
        creations = List.copyOf(creations);
        notes = List.copyOf(notes);
        deposits = List.copyOf(deposits);
    }

    /** A block without bridge deposits. */
    public EthBlockFlows(long height, BlockHash hash, BlockHash parentHash, Instant timestamp, Address miner, int txCount,
                         List<Transfer> transfers, List<ContractCreation> creations, List<String> notes) {
        this(height, hash, parentHash, timestamp, miner, txCount, transfers, creations, notes, List.of());
    }

    /** The (height, hash) pair that identifies this block in a chain. */
    public BlockRef ref() {
        return new BlockRef(height, hash);
    }
}
