package dev.cordon.signing.sig;

import dev.cordon.core.Address;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;

/**
 * One signature inside a Safe's concatenated {@code signatures} bytes (Safe {@code checkSignatures}):
 * 65 bytes {@code r ‖ s ‖ v} each, where {@code v} selects the type.
 */
public sealed interface SafeSignature {
    /** Position in the concatenation (0-based). */
    int index();

    /** {@code v} = 27/28: ECDSA over the safeTxHash (EIP-712); {@code v} = 31/32: over its eth_sign (EIP-191) hash. */
    record Ecdsa(int index, boolean ethSign, BigInteger r, BigInteger s, int v) implements SafeSignature {
    }

    /** {@code v} = 0: EIP-1271 contract signature of {@code owner}, its bytes at offset {@code s}. */
    record Contract(int index, Address owner, HexData signature) implements SafeSignature {
    }

    /** {@code v} = 1: {@code owner} approved the hash on chain ({@code approveHash}) or executes the transaction. */
    record ApprovedHash(int index, Address owner) implements SafeSignature {
    }
}
