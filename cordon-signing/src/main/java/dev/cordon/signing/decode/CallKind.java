package dev.cordon.signing.decode;

/** What a call does, as far as the decoder can tell from its selector and target. */
public enum CallKind {
    /** No data and no value. */
    EMPTY(Group.OTHER),
    /** No data, only native value. */
    NATIVE_TRANSFER(Group.TRANSFER),
    ERC20_TRANSFER(Group.TRANSFER),
    /** {@code transferFrom}: ERC-20 (amount) or ERC-721 (token id) share the selector. */
    TRANSFER_FROM(Group.TRANSFER),
    /** {@code approve}: ERC-20 (amount) or ERC-721 (token id) share the selector. */
    APPROVE(Group.APPROVAL),
    INCREASE_ALLOWANCE(Group.APPROVAL),
    PERMIT(Group.APPROVAL),
    ERC721_SAFE_TRANSFER(Group.TRANSFER),
    ERC1155_TRANSFER(Group.TRANSFER),
    ERC1155_BATCH_TRANSFER(Group.TRANSFER),
    SET_APPROVAL_FOR_ALL(Group.APPROVAL),
    ADD_OWNER(Group.SAFE_CONFIG),
    REMOVE_OWNER(Group.SAFE_CONFIG),
    SWAP_OWNER(Group.SAFE_CONFIG),
    CHANGE_THRESHOLD(Group.SAFE_CONFIG),
    ENABLE_MODULE(Group.SAFE_CONFIG),
    DISABLE_MODULE(Group.SAFE_CONFIG),
    SET_GUARD(Group.SAFE_CONFIG),
    SET_MODULE_GUARD(Group.SAFE_CONFIG),
    SET_FALLBACK_HANDLER(Group.SAFE_CONFIG),
    CHANGE_MASTER_COPY(Group.SAFE_CONFIG),
    /** A canonical SafeMigration / SafeToL2Migration call: replaces the master copy. */
    MIGRATION(Group.SAFE_CONFIG),
    APPROVE_HASH(Group.OTHER),
    /** {@code execTransaction} on another (nested) Safe. */
    NESTED_SAFE_TRANSACTION(Group.OTHER),
    MULTI_SEND(Group.BATCH),
    SIGN_MESSAGE(Group.OTHER),
    CREATE_CALL(Group.OTHER),
    /** A selector cordon does not know: shown raw. */
    UNKNOWN(Group.OTHER);

    /** Coarse groups the policy reasons about. */
    public enum Group { TRANSFER, APPROVAL, SAFE_CONFIG, BATCH, OTHER }

    private final Group group;

    CallKind(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }

    /** Token-looking calls (transfers and approvals): the Bybit shape when delegatecalled. */
    public boolean isTokenLike() {
        return (group == Group.TRANSFER || group == Group.APPROVAL) && this != NATIVE_TRANSFER;
    }
}
