package dev.cordon.core;

/** A block hash in display order (as explorers show it). */
public final class BlockHash extends Hash32 {
    public static final BlockHash ZERO = new BlockHash(new byte[32]);

    public BlockHash(byte[] displayOrder) {
        super(displayOrder);
    }

    /**
     * @throws CordonException with {@link ErrorCode#USAGE} unless 64 hex digits (0x optional)
     */
    public static BlockHash parse(String hex) {
        return new BlockHash(parseHex(hex, "block hash"));
    }
}
