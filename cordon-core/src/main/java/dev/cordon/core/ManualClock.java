package dev.cordon.core;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told; for replaying logs in event time and for tests. */
public final class ManualClock implements Clock {
    private volatile long millis;

    public ManualClock(Instant start) {
        this.millis = start.toEpochMilli();
    }

    @Override
    public long millis() {
        return millis;
    }

    public void set(Instant t) {
        this.millis = t.toEpochMilli();
    }

    public void advance(Duration d) {
        this.millis += d.toMillis();
    }
}
