package dev.cordon.workforce.internal;

/**
 * A record that cannot be used (a required field missing or malformed). Parsers catch it, skip the
 * record and note the reason; it never leaves a parser. Carries no stack trace.
 */
public final class RecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordException(String reason) {
        super(reason, null, false, false);
    }
}
