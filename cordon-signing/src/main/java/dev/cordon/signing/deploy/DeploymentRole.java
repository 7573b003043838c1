package dev.cordon.signing.deploy;

import java.util.Locale;

/** What a canonical Safe contract is for. */
public enum DeploymentRole {
    SINGLETON,
    SINGLETON_L2,
    PROXY_FACTORY,
    FALLBACK_HANDLER,
    MULTI_SEND,
    MULTI_SEND_CALL_ONLY,
    SIGN_MESSAGE_LIB,
    CREATE_CALL,
    SAFE_MIGRATION,
    SAFE_TO_L2_MIGRATION,
    SAFE_TO_L2_SETUP,
    SIMULATE_TX_ACCESSOR,
    OTHER;

    /**
     * Whether a Safe transaction may delegatecall this library by default: the batching,
     * message-signing, contract-creation and migration libraries Safe{Wallet} itself uses.
     * Setup-only and simulation helpers are excluded.
     */
    public boolean isDelegatecallLibrary() {
        return switch (this) {
            case MULTI_SEND, MULTI_SEND_CALL_ONLY, SIGN_MESSAGE_LIB, CREATE_CALL, SAFE_MIGRATION,
                 SAFE_TO_L2_MIGRATION -> true;
            default -> false;
        };
    }

    public boolean isSingleton() {
        return this == SINGLETON || this == SINGLETON_L2;
    }

    static DeploymentRole parse(String role) {
        return valueOf(role.toUpperCase(Locale.ROOT));
    }
}
