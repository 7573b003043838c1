/**
 * The signing guard: Safe transaction and message hashing ({@link dev.cordon.signing.SafeHasher}),
 * and {@link dev.cordon.signing.SigningGuard}, which decodes, judges and checks signatures in one
 * step. Decoding is in {@code decode}, the policy in {@code policy}, signature checks in
 * {@code sig}, chain reads and the wallet audit in {@code chain}, Safe Transaction Service input
 * in {@code txservice}, the canonical deployment list in {@code deploy}.
 */
package dev.cordon.signing;
