package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One person's risk: the score, what each detector contributed, the accounts and devices joined
 * into the person, and the findings as evidence.
 *
 * @param person        HR person id, or {@code account:x} / {@code device:y} when no HR record claims them
 * @param name          display name from HR, or empty
 * @param score         sum of contributions times the combination factor, rounded to 0.1
 * @param maxSeverity   highest finding severity
 * @param contributions per detector, largest first
 * @param accounts      accounts of the person
 * @param devices       devices of the person
 * @param findings      the findings, most severe first
 */
public record PersonRisk(String person, String name, double score, Severity maxSeverity,
                         List<Contribution> contributions, List<String> accounts, List<String> devices,
                         List<Finding> findings) {
    /**
     * @param detector detector name
     * @param findings how many findings it made about the person
     * @param points   points after severity, weight and repeat decay
     */
    public record Contribution(String detector, int findings, double points) {
        public Contribution {
            Objects.requireNonNull(detector, "detector");
        }
    }

    public PersonRisk {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxSeverity, "maxSeverity");
        contributions = List.copyOf(contributions);
        accounts = List.copyOf(accounts);
        devices = List.copyOf(devices);
        findings = List.copyOf(findings);
    }
}
