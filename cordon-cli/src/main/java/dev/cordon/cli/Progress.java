package dev.cordon.cli;

import dev.cordon.core.Clock;
import java.io.PrintStream;

/**
 * A progress bar on stderr for work longer than a second. It stays silent for the first second,
 * redraws at most ten times a second, and draws only when stderr is a terminal so that logs and
 * pipes stay clean. Not thread-safe: one worker reports.
 */
public final class Progress implements AutoCloseable {
    private static final long SHOW_AFTER_MS = 1000;
    private static final long REDRAW_MS = 100;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final String unit;
    private final long total;
    private final Clock clock;
    private final long start;
    private final boolean enabled;
    private long lastDraw;
    private long done;
    private boolean drawn;

    /**
     * @param total expected units of work, or {@code <= 0} when unknown (a counter is shown)
     */
    public Progress(String label, String unit, long total, Clock clock) {
        this(System.err, label, unit, total, clock, System.console() != null);
    }

    Progress(PrintStream err, String label, String unit, long total, Clock clock, boolean enabled) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.clock = clock;
        this.start = clock.millis();
        this.enabled = enabled;
    }

    /** Sets the amount of work done so far. */
    public void update(long doneSoFar) {
        this.done = doneSoFar;
        if (!enabled) {
            return;
        }
        long now = clock.millis();
        if (now - start < SHOW_AFTER_MS || now - lastDraw < REDRAW_MS) {
            return;
        }
        lastDraw = now;
        draw(now);
    }

    private void draw(long now) {
        double secs = Math.max(1, now - start) / 1000.0;
        String rate = String.format("%,.0f %s/s", done / secs, unit);
        String line;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line = String.format("\r%s [%s%s] %,d/%,d %s  %s", label, "#".repeat(filled),
                    " ".repeat(WIDTH - filled), done, total, unit, rate);
        } else {
            line = String.format("\r%s %,d %s  %s", label, done, unit, rate);
        }
        err.print(line);
        err.flush();
        drawn = true;
    }

    @Override
    public void close() {
        if (drawn) {
            draw(clock.millis());
            err.println();
        }
    }
}
