package dev.cordon.signing.sig;

import dev.cordon.core.Address;
import java.util.Objects;
import java.util.Optional;

/**
 * The check of one signature.
 *
 * @param source where it came from ({@code --signatures[0]}, {@code confirmations[2]})
 * @param type   {@code eip712}, {@code eth_sign}, {@code contract} or {@code approved_hash}
 * @param signer the recovered or named signer, when known
 */
public record SignatureCheck(String source, String type, Optional<Address> signer, SignatureStatus status, String message) {
    public SignatureCheck {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
