package dev.cordon.signing;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;

/** A Safe transaction's operation: a plain call, or a delegatecall that runs foreign code as the Safe. */
public enum Operation {
    CALL(0),
    DELEGATECALL(1);

    private final int code;

    Operation(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * @param field named in the error
     * @throws CordonException with USAGE unless 0 or 1
     */
    public static Operation of(long code, String field) {
        if (code == 0) {
            return CALL;
        }
        if (code == 1) {
            return DELEGATECALL;
        }
        throw new CordonException(ErrorCode.USAGE, field + ": operation must be 0 (call) or 1 (delegatecall), got " + code);
    }
}
