package dev.cordon.workforce.internal;

import java.time.Duration;

/** Range checks of the durations in detector parameters (null checks stay with their names). */
public final class Durations {
    private Durations() {
    }

    /** @throws IllegalArgumentException with {@code message} when any duration is zero or negative */
    public static void requirePositive(String message, Duration... durations) {
        for (Duration d : durations) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** @throws IllegalArgumentException with {@code message} when any duration is negative */
    public static void requireNonNegative(String message, Duration... durations) {
        for (Duration d : durations) {
            if (d.isNegative()) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
