package dev.cordon.ethereum.ingest;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;

/** The node answered {@code null} for a block that should exist. Code REMOTE; worth a retry. */
public final class MissingBlockException extends CordonException {
    private static final long serialVersionUID = 1L;
    private final long height;

    public MissingBlockException(long height, String what) {
        super(ErrorCode.REMOTE, "the node has no " + what + " for block " + height);
        this.height = height;
    }

    public long height() {
        return height;
    }
}
