package dev.cordon.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert that explains itself: what was detected, about whom, when, how severe, the facts
 * behind it and the sources it relies on. Chain alerts and workforce alerts share this type so
 * that one queue holds both.
 *
 * @param detector stable name of the rule or detector ({@code impossible-travel})
 * @param subject  who or what it is about (an account, a person, an address)
 * @param time     when the detected behaviour happened (event time, not detection time)
 * @param title    one line a human reads first
 * @param evidence the facts, in the order a reader should see them
 * @param sources  where the facts or reference data came from (file, list, URI); may be empty
 */
public record Finding(String detector, Severity severity, String subject, Instant time, String title,
                      List<Evidence> evidence, List<String> sources) {
    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(title, "title");
        evidence = List.copyOf(evidence);
        sources = List.copyOf(sources);
    }
}
