package dev.cordon.signing.policy;

import dev.cordon.core.Address;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.signing.SafeTransaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What is known about the wallet beyond the proposed transaction. Everything is optional: a
 * check whose input is missing does not run (and says so in {@link SigningPolicy}'s notes), it
 * never assumes a value.
 *
 * @param onChainNonce the Safe's current nonce, read from the chain
 * @param owners       the Safe's owners (empty when unknown)
 * @param threshold    the Safe's threshold
 * @param queued       other proposed, not yet executed transactions (nonce and hash)
 * @param history      executed transactions, oldest first, for the shape check
 * @param code         reads contract code from the chain (to pin libraries by code hash)
 */
public record WalletContext(Optional<BigInteger> onChainNonce, Set<Address> owners, OptionalInt threshold,
                            List<Queued> queued, List<SafeTransaction> history, Optional<CodeReader> code) {
    public WalletContext {
        Objects.requireNonNull(onChainNonce, "onChainNonce");
        owners = Set.copyOf(owners);
        Objects.requireNonNull(threshold, "threshold");
        queued = List.copyOf(queued);
        history = List.copyOf(history);
        Objects.requireNonNull(code, "code");
    }

    /** Nothing known beyond the transaction (offline verification). */
    public static WalletContext offline() {
        return new WalletContext(Optional.empty(), Set.of(), OptionalInt.empty(), List.of(), List.of(), Optional.empty());
    }

    public WalletContext withHistory(List<SafeTransaction> h, List<Queued> q) {
        return new WalletContext(onChainNonce, owners, threshold, q, h, code);
    }

    /** A queued transaction: its nonce and {@code safeTxHash}. */
    public record Queued(BigInteger nonce, Bytes32 safeTxHash) {
        public Queued {
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(safeTxHash, "safeTxHash");
        }
    }

    /** Reads runtime code from a chain. */
    @FunctionalInterface
    public interface CodeReader {
        /** The runtime code at an address (empty for an account without code). */
        byte[] code(Address address);
    }
}
