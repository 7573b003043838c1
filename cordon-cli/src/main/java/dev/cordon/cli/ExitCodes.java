package dev.cordon.cli;

import dev.cordon.core.ErrorCode;

/** The exit codes of every command; {@link #of(ErrorCode)} is the one place errors map to them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and reports findings (a risky address, a blocked transaction). */
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int DATA = 3;

    private ExitCodes() {
    }

    public static int of(ErrorCode code) {
        return code.exitCode();
    }
}
