package dev.cordon.core;

/** A transaction id in display order (as explorers show it). */
public final class TxId extends Hash32 {
    public TxId(byte[] displayOrder) {
        super(displayOrder);
    }

    /**
     * @throws CordonException with {@link ErrorCode#USAGE} unless 64 hex digits (0x optional)
     */
    public static TxId parse(String hex) {
        return new TxId(parseHex(hex, "transaction id"));
    }
}
