package dev.cordon.store;

import dev.cordon.core.BlockHash;
import dev.cordon.core.Transfer;
import dev.cordon.core.TxId;
import dev.cordon.core.account.ContractCreation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored Ethereum transaction: every value flow it made (its value, internal calls, token
 * transfers, the fee) in position order, and the contracts it created. Only transactions that
 * moved something are stored; a failed one still pays its fee.
 */
public record EthTxInfo(TxId txid, long height, BlockHash blockHash, Instant time, int index, List<Transfer> transfers,
                        List<ContractCreation> creations) {
    public EthTxInfo {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(time, "time");
        transfers = List.copyOf(transfers);
        creations = List.copyOf(creations);
    }
}
