package dev.cordon.core;

import java.time.Instant;

/**
 * The time seam. Engine code asks a {@code Clock} for the time and never calls
 * {@link Instant#now()}; tests pass a {@link ManualClock} and move it.
 */
@FunctionalInterface
public interface Clock {
    /** Current time in milliseconds since the epoch. */
    long millis();

    default Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    /** The wall clock. */
    static Clock system() {
        return System::currentTimeMillis;
    }
}
