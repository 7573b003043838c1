package dev.cordon.signing.policy;

import dev.cordon.core.Address;
import dev.cordon.ethereum.Bytes32;
import java.util.Objects;
import java.util.Optional;

/**
 * A contract a wallet allows to be delegatecalled, beyond Safe's canonical libraries.
 *
 * @param codeHash keccak256 of its runtime code; when set and an RPC is given, the code on chain
 *                 must match
 */
public record TrustedLibrary(Address address, Optional<Bytes32> codeHash, String name) {
    public TrustedLibrary {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(name, "name");
    }
}
