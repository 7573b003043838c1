package dev.cordon.core;

/**
 * Stable error codes shared by every layer. The CLI maps each to an exit code and the HTTP
 * API to a status, each in exactly one place.
 */
public enum ErrorCode {
    /** The user asked for something malformed: a bad option, address or id. */
    USAGE(2, 400),
    /** Input data is damaged or not of the expected format. */
    DATA(3, 422),
    /** The thing asked for is not in the store. */
    NOT_FOUND(3, 404),
    /** The store is missing, locked, or of a format this build cannot read. */
    STORE(3, 500),
    /** A remote service (a node, an API) failed or answered wrongly. */
    REMOTE(3, 502),
    /** An I/O failure on local files. */
    IO(3, 500);

    private final int exitCode;
    private final int httpStatus;

    ErrorCode(int exitCode, int httpStatus) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
    }

    public int exitCode() {
        return exitCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
