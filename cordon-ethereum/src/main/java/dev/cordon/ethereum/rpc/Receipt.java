package dev.cordon.ethereum.rpc;

import dev.cordon.core.Address;
import dev.cordon.ethereum.Bytes32;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a transaction receipt that callers check.
 *
 * @param success         {@code status == 1} (post-Byzantium receipts)
 * @param contractAddress the created contract, for a creation
 * @param logCount        number of logs emitted
 */
public record Receipt(Bytes32 transactionHash, long blockNumber, boolean success, BigInteger gasUsed,
                      Optional<Address> contractAddress, int logCount) {
    public Receipt {
        Objects.requireNonNull(transactionHash, "transactionHash");
        Objects.requireNonNull(gasUsed, "gasUsed");
        Objects.requireNonNull(contractAddress, "contractAddress");
    }
}
