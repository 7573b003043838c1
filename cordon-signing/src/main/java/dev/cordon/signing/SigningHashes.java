package dev.cordon.signing;

import dev.cordon.ethereum.Bytes32;
import java.util.Locale;
import java.util.Objects;

/**
 * The three EIP-712 hashes of a Safe transaction or message. A hardware wallet that signs
 * EIP-712 data blind shows the first two (Ledger: "Domain hash" and "Message hash"); the Safe
 * interface and {@code eth_sign} signers show the third.
 *
 * @param domainHash  the domain separator
 * @param messageHash the struct hash of the {@code SafeTx} or {@code SafeMessage}
 * @param signedHash  keccak256(0x19 0x01 domainHash messageHash): the {@code safeTxHash} or
 *                    the Safe message hash, which owners sign
 */
public record SigningHashes(Bytes32 domainHash, Bytes32 messageHash, Bytes32 signedHash) {
    public SigningHashes {
        Objects.requireNonNull(domainHash, "domainHash");
        Objects.requireNonNull(messageHash, "messageHash");
        Objects.requireNonNull(signedHash, "signedHash");
    }

    /** As a Ledger or Trezor shows a hash: {@code 0x} and uppercase hex digits. */
    public static String deviceForm(Bytes32 h) {
        return "0x" + h.hex().toUpperCase(Locale.ROOT);
    }
}
