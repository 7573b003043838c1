package dev.cordon.core;

/**
 * How a {@link Transfer} moved value. The {@link #id()} is persisted and never reused; new kinds
 * take new ids.
 */
public enum TransferKind {
    /** The native coin sent by a transaction itself (Ethereum: the transaction's value). */
    NATIVE(0),
    /** The native coin sent by a contract during execution (an internal call). */
    INTERNAL(1),
    /** The native coin endowed to a newly created contract. */
    CREATE(2),
    /** The balance of a self-destructed contract, sent to its beneficiary. */
    SELFDESTRUCT(3),
    /** The part of a fee that is destroyed (EIP-1559 base fee, EIP-4844 blob fee). */
    FEE_BURN(4),
    /** The part of a fee paid to the block producer (all of it before EIP-1559). */
    FEE_TIP(5),
    /** A fungible token transfer (ERC-20 {@code Transfer} event). */
    ERC20(6),
    /** A non-fungible token transfer (ERC-721 {@code Transfer} event, the token id indexed). */
    ERC721(7),
    /** A multi-token transfer (ERC-1155 {@code TransferSingle}, one per id of {@code TransferBatch}). */
    ERC1155(8),
    /** Wrapped tokens minted against the native coin (WETH {@code Deposit}). */
    WRAP(9),
    /** Wrapped tokens burnt to release the native coin (WETH {@code Withdrawal}). */
    UNWRAP(10);

    private static final TransferKind[] BY_ID = new TransferKind[11];

    static {
        for (TransferKind k : values()) {
            BY_ID[k.id] = k;
        }
    }

    private final int id;

    TransferKind(int id) {
        this.id = id;
    }

    /** Stable persisted id (0..255). */
    public int id() {
        return id;
    }

    /** Whether the amount is in a token (its contract is the asset) rather than the native coin. */
    public boolean isToken() {
        return this == ERC20 || this == ERC721 || this == ERC1155 || this == WRAP || this == UNWRAP;
    }

    /**
     * @throws CordonException with {@link ErrorCode#DATA} for an unknown persisted id
     */
    public static TransferKind ofId(int id) {
        if (id < 0 || id >= BY_ID.length || BY_ID[id] == null) {
            throw new CordonException(ErrorCode.DATA, "unknown transfer kind id " + id);
        }
        return BY_ID[id];
    }
}
