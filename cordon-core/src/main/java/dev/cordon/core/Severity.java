package dev.cordon.core;

/** How urgent a finding is, lowest first. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL
}
