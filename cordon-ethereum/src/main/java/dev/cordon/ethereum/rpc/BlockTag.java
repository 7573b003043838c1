package dev.cordon.ethereum.rpc;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.Objects;

/** The block a read refers to: {@code latest}, {@code pending}, {@code safe}, {@code finalized}, {@code earliest} or a number. */
public record BlockTag(String value) {
    public static final BlockTag LATEST = new BlockTag("latest");
    public static final BlockTag PENDING = new BlockTag("pending");
    public static final BlockTag FINALIZED = new BlockTag("finalized");

    public BlockTag {
        Objects.requireNonNull(value, "value");
        if (!value.matches("latest|pending|safe|finalized|earliest|0x(0|[1-9a-f][0-9a-f]*)")) {
            throw new CordonException(ErrorCode.USAGE, "not a block tag or 0x-quantity: '" + value + "'");
        }
    }

    public static BlockTag number(long n) {
        if (n < 0) {
            throw new CordonException(ErrorCode.USAGE, "block number must not be negative: " + n);
        }
        return new BlockTag("0x" + Long.toHexString(n));
    }
}
