package dev.cordon.signing.policy;

import dev.cordon.core.Severity;
import java.util.Objects;

/**
 * What intelligence says about a counterparty.
 *
 * @param label  short text ({@code Lazarus Group - Bybit exploiter})
 * @param source where the label comes from (a file, a list name)
 */
public record RiskLabel(String label, Severity severity, String source) {
    public RiskLabel {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
    }
}
