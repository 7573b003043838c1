package dev.cordon.signing.txservice;

import dev.cordon.core.Address;
import dev.cordon.ethereum.HexData;
import java.util.Objects;

/**
 * One owner's confirmation as the Safe Transaction Service stores it.
 *
 * @param signatureType the service's label ({@code EOA}, {@code ETH_SIGN}, {@code CONTRACT_SIGNATURE},
 *                      {@code APPROVED_HASH}); informational, the bytes decide
 */
public record Confirmation(Address owner, HexData signature, String signatureType) {
    public Confirmation {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signatureType, "signatureType");
    }
}
