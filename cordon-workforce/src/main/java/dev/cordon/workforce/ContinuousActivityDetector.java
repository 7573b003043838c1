package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Durations;
import dev.cordon.workforce.internal.Ev;
import dev.cordon.workforce.internal.Grow;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Continuous activity, as when several people share one identity in shifts: activity in more
 * than {@link Params#maxActiveHours()} distinct clock hours of the last 24, or one unbroken session
 * (no gap over {@link Params#sessionGap()}) longer than {@link Params#maxSession()}. Needs
 * activity events (SSO, token refresh), not only interactive sign-ins.
 *
 * <p>Design notes: the last 64 hours of an account are a bit mask shifted as time moves (so a
 * rolling 24-hour count is one {@code bitCount}); the current run is two ints. 24 bytes per account.
 */
public final class ContinuousActivityDetector extends AccountLoginDetector<ContinuousActivityDetector.Params> {
    public static final String NAME = "continuous-activity";

    /**
     * @param maxActiveHours active hours out of 24 above which it triggers (default 18)
     * @param maxSession     longest plausible unbroken session (default 24 h)
     * @param sessionGap     a gap longer than this ends a session (default 60 min)
     */
    public record Params(int maxActiveHours, Duration maxSession, Duration sessionGap) {
        public Params {
            Objects.requireNonNull(maxSession, "maxSession");
            Objects.requireNonNull(sessionGap, "sessionGap");
            if (maxActiveHours < 1 || maxActiveHours > 23) {
                throw new IllegalArgumentException("maxActiveHours must be in 1..23");
            }
            Durations.requirePositive("maxSession and sessionGap must be > 0", maxSession, sessionGap);
        }

        public static Params defaults() {
            return new Params(18, Duration.ofHours(24), Duration.ofMinutes(60));
        }
    }

    private long[] mask = new long[0];
    private int[] lastHour = new int[0];
    private int[] runStart = new int[0];
    private int[] runLast = new int[0];
    private int[] emittedHour = new int[0];
    private int[] emittedRun = new int[0];

    public ContinuousActivityDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        if (l.event().outcome() == Outcome.FAILURE) {
            return;
        }
        ensure(a);
        int t = (int) (l.event().epochMillis() / 1000);
        hours(a, t, l, out);
        session(a, t, l, out);
    }

    private void hours(int a, int t, EnrichedLogin l, Consumer<Finding> out) {
        int h = Math.floorDiv(t, 3600);
        if (lastHour[a] == Integer.MIN_VALUE || h > lastHour[a]) {
            int shift = lastHour[a] == Integer.MIN_VALUE ? 64 : h - lastHour[a];
            mask[a] = (shift >= 64 ? 0 : mask[a] << shift) | 1L;
            lastHour[a] = h;
        } else if (lastHour[a] - h < 64) {
            mask[a] |= 1L << (lastHour[a] - h);
        }
        int active = Long.bitCount(mask[a] & 0xFF_FFFFL);
        if (active > params.maxActiveHours() && lastHour[a] - emittedHour[a] >= 24) {
            emittedHour[a] = lastHour[a];
            String account = accounts.name(a);
            out.accept(finding(NAME, Severity.MEDIUM, account, l, account + ": active in " + active + " of the last 24 hours",
                    "active_hours_of_24", Integer.toString(active), "hours_mask", Long.toBinaryString(mask[a] & 0xFF_FFFFL),
                    "latest_ip", l.event().ip()));
        }
    }

    private void session(int a, int t, EnrichedLogin l, Consumer<Finding> out) {
        long gap = params.sessionGap().toSeconds();
        if (runLast[a] == Integer.MIN_VALUE || t - (long) runLast[a] > gap) {
            runStart[a] = t;
            runLast[a] = t;
            return;
        }
        if (t < runStart[a]) {
            if (runStart[a] - (long) t <= gap) {
                runStart[a] = t;
            }
            return;
        }
        runLast[a] = Math.max(runLast[a], t);
        long length = (long) runLast[a] - runStart[a];
        if (length > params.maxSession().toSeconds() && emittedRun[a] != runStart[a]) {
            emittedRun[a] = runStart[a];
            String account = accounts.name(a);
            out.accept(finding(NAME, Severity.HIGH, account, l, account + ": unbroken session of "
                    + Duration.ofSeconds(length).toHours() + " h", "session_start", Ev.time(runStart[a] * 1000L),
                    "session_hours", Long.toString(length / 3600), "max_gap", params.sessionGap().toString(),
                    "latest_ip", l.event().ip()));
        }
    }

    @Override
    void grow(int n) {
        mask = Grow.longs(mask, n, 0);
        lastHour = Grow.ints(lastHour, n, Integer.MIN_VALUE);
        runStart = Grow.ints(runStart, n, 0);
        runLast = Grow.ints(runLast, n, Integer.MIN_VALUE);
        emittedHour = Grow.ints(emittedHour, n, Integer.MIN_VALUE / 2);
        emittedRun = Grow.ints(emittedRun, n, Integer.MIN_VALUE);
    }

    @Override
    public long stateBytes() {
        return capacity() * 28L;
    }
}
