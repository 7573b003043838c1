package dev.cordon.signing.policy;

import java.util.Locale;

/**
 * Every check the signing policy makes, with its default verdict. A wallet's policy file may
 * change a verdict under {@code checks:}.
 */
public enum Check {
    DELEGATECALL(Verdict.BLOCK, "delegatecall to a contract that is not a trusted library"),
    LIBRARY_CODE(Verdict.BLOCK, "a trusted library's code on chain differs from its pinned code hash, or is missing"),
    MALFORMED_CALLDATA(Verdict.BLOCK, "calldata of a known function or batch cannot be decoded"),
    OWNER_CHANGE(Verdict.REVIEW, "adds, removes or swaps an owner"),
    THRESHOLD_CHANGE(Verdict.REVIEW, "changes the signing threshold"),
    MODULE_CHANGE(Verdict.REVIEW, "enables or disables a module (a module can move funds without signatures)"),
    GUARD_CHANGE(Verdict.REVIEW, "sets or removes a transaction or module guard"),
    FALLBACK_HANDLER_CHANGE(Verdict.REVIEW, "changes the fallback handler"),
    MASTER_COPY_CHANGE(Verdict.REVIEW, "changes the master copy (singleton) to a canonical one"),
    UNKNOWN_MASTER_COPY(Verdict.BLOCK, "changes the master copy to a contract that is not a canonical Safe singleton"),
    GAS_REFUND(Verdict.REVIEW, "pays a gas refund (gasPrice, gasToken, refundReceiver) or sets a large baseGas"),
    NONCE(Verdict.REVIEW, "nonce skips ahead of, lags behind, or duplicates the on-chain nonce or a queued transaction"),
    ADDRESS_BOOK(Verdict.REVIEW, "transfers or approves to an address outside the wallet's address book"),
    UNLIMITED_APPROVAL(Verdict.REVIEW, "grants an unlimited (or all-token) approval"),
    RISKY_COUNTERPARTY(Verdict.BLOCK, "a counterparty is labelled risky by intelligence"),
    UNUSUAL_SHAPE(Verdict.REVIEW, "the transaction's shape never occurs in the wallet's history"),
    UNKNOWN_FUNCTION(Verdict.REVIEW, "calls a function cordon cannot decode"),
    CONTEXT_MISMATCH(Verdict.BLOCK, "the chain, Safe version or claimed hash differs from what was recomputed or read"),
    SIGNATURE(Verdict.BLOCK, "a collected signature is invalid or was made for a different transaction");

    private final Verdict defaultVerdict;
    private final String description;

    Check(Verdict defaultVerdict, String description) {
        this.defaultVerdict = defaultVerdict;
        this.description = description;
    }

    public Verdict defaultVerdict() {
        return defaultVerdict;
    }

    public String description() {
        return description;
    }

    /** The key in policy files and JSON ({@code owner_change}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
