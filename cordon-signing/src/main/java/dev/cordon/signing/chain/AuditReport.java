package dev.cordon.signing.chain;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.signing.deploy.Deployment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A wallet posture audit: the configuration read and the weaknesses found, worst first.
 *
 * @param masterCopy the canonical singleton the master copy is, if it is one
 */
public record AuditReport(SafeState state, Optional<Deployment> masterCopy, List<Finding> findings) {
    public AuditReport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(masterCopy, "masterCopy");
        findings = List.copyOf(findings);
    }

    /** The most severe finding's severity, or INFO when there is none. */
    public Severity worst() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO);
    }

    public boolean has(String detector) {
        return findings.stream().anyMatch(f -> f.detector().equals(detector));
    }
}
