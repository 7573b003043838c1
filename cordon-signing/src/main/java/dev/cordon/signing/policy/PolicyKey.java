package dev.cordon.signing.policy;

/**
 * Every key of a wallet policy file, declared once with its default and meaning. The loader
 * refuses keys not listed here, so that a typo cannot silently disable a check.
 */
public enum PolicyKey {
    SAFE("safe", "(any)", "The Safe this policy is for; a transaction for another Safe is refused."),
    CHAIN_ID("chain_id", "(any)", "The chain this policy is for; a transaction for another chain is refused."),
    ADDRESS_BOOK("address_book", "[]", "Addresses transfers and approvals may go to, as strings or "
            + "{address, name}. When empty, the address_book check is off."),
    TRUST_CANONICAL_LIBRARIES("trust_canonical_libraries", "true", "Allow delegatecalls to Safe's canonical "
            + "MultiSend, MultiSendCallOnly, SignMessageLib, CreateCall and migration libraries of this chain."),
    DELEGATECALL_ALLOW("delegatecall_allow", "[]", "Further libraries a delegatecall may target: "
            + "{address, code_hash (optional, 0x + 64 hex), name}."),
    MAX_BASE_GAS("max_base_gas", "100000", "baseGas above this is flagged (gas_refund)."),
    UNLIMITED_APPROVAL_AT("unlimited_approval_at", "340282366920938463463374607431768211456 (2^128)",
            "An approval of at least this many base units counts as unlimited."),
    HISTORY_MIN_TRANSACTIONS("history_min_transactions", "3", "The unusual_shape check runs only when "
            + "the history has at least this many executed transactions."),
    RISK_LISTS("risk_lists", "[]", "Address list files (one address per line, optional ', label'), "
            + "relative to the policy file; listed counterparties are risky."),
    CHECKS("checks", "(each check's default)", "Verdict per check: {check: allow|review|block}.");

    private final String key;
    private final String defaultText;
    private final String description;

    PolicyKey(String key, String defaultText, String description) {
        this.key = key;
        this.defaultText = defaultText;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    static PolicyKey of(String key) {
        for (PolicyKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
