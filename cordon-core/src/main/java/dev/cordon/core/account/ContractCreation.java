package dev.cordon.core.account;

import dev.cordon.core.Address;
import dev.cordon.core.TxId;
import java.util.Objects;

/**
 * A contract created by a transaction, directly or by a contract it called.
 *
 * @param creator  the account that executed CREATE/CREATE2 (the sender for a creating transaction)
 * @param contract the new contract's address
 */
public record ContractCreation(TxId txId, int txIndex, Address creator, Address contract) {
    public ContractCreation {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(contract, "contract");
        if (txIndex < 0) {
            throw new IllegalArgumentException("negative tx index " + txIndex);
        }
    }
}
