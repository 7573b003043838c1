package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Durations;
import dev.cordon.workforce.internal.Ev;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Continuous activity, as when several people share one identity in shifts: activity in more
 * than {@link Params#maxActiveHours()} distinct clock hours of the last 24, or one unbroken session
 * (no gap over {@link Params#sessionGap()}) longer than {@link Params#maxSession()}. Needs
 * activity events (SSO, token refresh), not only interactive sign-ins.
 *
 * <p>Design notes: the last 64 hours of an account are a bit mask shifted as time moves (so a
 * rolling 24-hour count is one {@code bitCount}); the current run is two ints. Per account one
 * stripe of {@value #STRIDE} ints in a single array (the mask as two ints, the last hour, the run,
 * the last findings), so that a login touches one or two adjacent cache lines: 28 bytes per account.
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

    private static final int STRIDE = 7;
    private static final int MASK_LO = 0;
    private static final int MASK_HI = 1;
    private static final int LAST_HOUR = 2;
    private static final int RUN_START = 3;
    private static final int RUN_LAST = 4;
    private static final int EMITTED_HOUR = 5;
    private static final int EMITTED_RUN = 6;

    private int[] state = new int[0];

    public ContinuousActivityDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public int touch(int a, EnrichedLogin l) {
        return touch(state, a * STRIDE, STRIDE);
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
        int base = a * STRIDE;
        int h = Math.floorDiv(t, 3600);
        int lastHour = state[base + LAST_HOUR];
        long mask = ((long) state[base + MASK_HI] << 32) | (state[base + MASK_LO] & 0xFFFF_FFFFL);
        if (lastHour == Integer.MIN_VALUE || h > lastHour) {
            int shift = lastHour == Integer.MIN_VALUE ? 64 : h - lastHour;
            mask = (shift >= 64 ? 0 : mask << shift) | 1L;
            lastHour = h;
            state[base + LAST_HOUR] = h;
        } else if (lastHour - h < 64) {
            mask |= 1L << (lastHour - h);
        }
        state[base + MASK_LO] = (int) mask;
        state[base + MASK_HI] = (int) (mask >>> 32);
        int active = Long.bitCount(mask & 0xFF_FFFFL);
        if (active > params.maxActiveHours() && lastHour - state[base + EMITTED_HOUR] >= 24) {
            state[base + EMITTED_HOUR] = lastHour;
            String account = accounts.name(a);
            out.accept(finding(NAME, Severity.MEDIUM, account, l, account + ": active in " + active + " of the last 24 hours",
                    "active_hours_of_24", Integer.toString(active), "hours_mask", Long.toBinaryString(mask & 0xFF_FFFFL),
                    "latest_ip", l.event().ip()));
        }
    }

    private void session(int a, int t, EnrichedLogin l, Consumer<Finding> out) {
        int base = a * STRIDE;
        long gap = params.sessionGap().toSeconds();
        int runLast = state[base + RUN_LAST];
        int runStart = state[base + RUN_START];
        if (runLast == Integer.MIN_VALUE || t - (long) runLast > gap) {
            state[base + RUN_START] = t;
            state[base + RUN_LAST] = t;
            return;
        }
        if (t < runStart) {
            if (runStart - (long) t <= gap) {
                state[base + RUN_START] = t;
            }
            return;
        }
        runLast = Math.max(runLast, t);
        state[base + RUN_LAST] = runLast;
        long length = (long) runLast - runStart;
        if (length > params.maxSession().toSeconds() && state[base + EMITTED_RUN] != runStart) {
            state[base + EMITTED_RUN] = runStart;
            String account = accounts.name(a);
            out.accept(finding(NAME, Severity.HIGH, account, l, account + ": unbroken session of "
                    + Duration.ofSeconds(length).toHours() + " h", "session_start", Ev.time(runStart * 1000L),
                    "session_hours", Long.toString(length / 3600), "max_gap", params.sessionGap().toString(),
                    "latest_ip", l.event().ip()));
        }
    }

    @Override
    void grow(int n) {
        int from = state.length / STRIDE;
        state = Arrays.copyOf(state, n * STRIDE);
        for (int base = from * STRIDE; base < state.length; base += STRIDE) {
            state[base + LAST_HOUR] = Integer.MIN_VALUE;
            state[base + RUN_LAST] = Integer.MIN_VALUE;
            state[base + EMITTED_HOUR] = Integer.MIN_VALUE / 2;
            state[base + EMITTED_RUN] = Integer.MIN_VALUE;
        }
    }

    @Override
    public long stateBytes() {
        return capacity() * STRIDE * 4L;
    }
}
