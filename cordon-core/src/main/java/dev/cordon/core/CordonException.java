package dev.cordon.core;

import java.util.Objects;

/**
 * Root of cordon's unchecked exceptions. Each carries a stable {@link ErrorCode}; its message
 * is one line meant for the user, saying what went wrong and where.
 */
public class CordonException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public CordonException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CordonException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
