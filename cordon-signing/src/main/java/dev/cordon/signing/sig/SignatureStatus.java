package dev.cordon.signing.sig;

/** The outcome of checking one collected signature against the recomputed hash. */
public enum SignatureStatus {
    /** Made by an owner for this very transaction. */
    VALID,
    /** A valid signature, but its signer is not an owner of the Safe. */
    NOT_OWNER,
    /** Made for a different hash: another transaction, or this one with a changed field. */
    WRONG_TRANSACTION,
    /** Cannot be valid (bad ECDSA values, a contract or approval the chain rejects, a malformed entry). */
    INVALID,
    /** Cannot be decided without more information (owners or an RPC endpoint). */
    UNVERIFIED
}
