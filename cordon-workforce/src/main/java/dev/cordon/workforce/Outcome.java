package dev.cordon.workforce;

/** Whether an authentication succeeded, as the log says. */
public enum Outcome {
    SUCCESS, FAILURE, UNKNOWN
}
