package dev.cordon.signing.sig;

import dev.cordon.core.Address;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.HexData;

/** What signature checks need from the chain; implemented over RPC by {@code dev.cordon.signing.chain.SafeReader}. */
public interface OnChainSignatures {
    /**
     * Whether contract {@code owner} answers EIP-1271 {@code isValidSignature(bytes32,bytes)} with
     * its magic value {@code 0x1626ba7e}: how Safe 1.5.0 asks a contract owner about the safeTxHash.
     */
    boolean isValidSignatureForHash(Address owner, Bytes32 hash, HexData signature);

    /**
     * Whether contract {@code owner} answers the legacy {@code isValidSignature(bytes,bytes)} with
     * {@code 0x20c13b0b}: how Safes up to 1.4.1 ask, passing the transaction pre-image
     * ({@code 0x19 0x01 ‖ domain ‖ structHash}, 66 bytes), not its hash.
     */
    boolean isValidSignatureForData(Address owner, byte[] data, HexData signature);

    /** Whether {@code owner} has called {@code approveHash(hash)} on {@code safe}. */
    boolean isHashApproved(Address safe, Address owner, Bytes32 hash);
}
