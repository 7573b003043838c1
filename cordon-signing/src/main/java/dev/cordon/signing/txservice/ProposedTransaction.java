package dev.cordon.signing.txservice;

import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.SafeTransaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as the Safe Transaction Service serves it: the fields, what the service claims
 * its hash is, and the signatures collected so far.
 *
 * @param claimedSafeTxHash the service's {@code safeTxHash}, to be checked, never trusted
 * @param signatures        the concatenated {@code signatures} of an executed transaction
 */
public record ProposedTransaction(SafeTransaction tx, Optional<Bytes32> claimedSafeTxHash,
                                  List<Confirmation> confirmations, Optional<HexData> signatures, boolean executed) {
    public ProposedTransaction {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(claimedSafeTxHash, "claimedSafeTxHash");
        confirmations = List.copyOf(confirmations);
        Objects.requireNonNull(signatures, "signatures");
    }
}
