package dev.cordon.signing;

import dev.cordon.signing.decode.DecodedCall;
import dev.cordon.signing.policy.PolicyResult;
import dev.cordon.signing.sig.SignatureCheck;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a signer needs before signing: the recomputed hashes, what the transaction does,
 * the verdict with its reasons, and the check of each collected signature.
 *
 * @param decodeError why the calldata could not be decoded, when it could not
 */
public record Review(SafeTransaction tx, SigningHashes hashes, Optional<DecodedCall> decoded,
                     Optional<String> decodeError, PolicyResult result, List<SignatureCheck> signatures) {
    public Review {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(decodeError, "decodeError");
        Objects.requireNonNull(result, "result");
        signatures = List.copyOf(signatures);
    }
}
