package dev.cordon.signing.policy;

import dev.cordon.core.Severity;
import java.util.Objects;

/**
 * Why the guard reached its verdict: one finding of one check.
 *
 * @param path    the call it is about ({@code tx}, {@code tx.batch[1]})
 * @param message one line a signer reads
 */
public record Reason(Check check, Verdict verdict, Severity severity, String path, String message) {
    public Reason {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
