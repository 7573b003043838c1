package dev.cordon.signing.sig;

import dev.cordon.core.Address;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.HexData;

/** What signature checks need from the chain; implemented over RPC by {@code dev.cordon.signing.chain.SafeReader}. */
public interface OnChainSignatures {
    /**
     * Whether contract {@code owner} accepts {@code signature} for the transaction, by EIP-1271
     * {@code isValidSignature(bytes32,bytes)} or the legacy {@code isValidSignature(bytes,bytes)}
     * over the transaction pre-image, as the Safe itself asks.
     */
    boolean isValidContractSignature(Address owner, Bytes32 hash, byte[] preimage, HexData signature);

    /** Whether {@code owner} has called {@code approveHash(hash)} on {@code safe}. */
    boolean isHashApproved(Address safe, Address owner, Bytes32 hash);
}
