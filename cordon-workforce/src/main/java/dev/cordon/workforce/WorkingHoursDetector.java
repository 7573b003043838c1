package dev.cordon.workforce;

import dev.cordon.core.Clock;
import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Ev;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Working hours that do not fit the claimed time zone. Over the account's distinct active hours
 * (UTC), judged on {@link #flush} against the HR time zone's offset at the clock's "now":
 * <ul>
 *   <li>the UTC offset whose local working day ({@link Params#dayStart()}..{@link Params#dayEnd()})
 *   covers most activity is one of {@link Params#suspectOffsets()} (UTC+8, UTC+9) and at least
 *   {@link Params#minShiftHours()} from the claimed offset: HIGH;</li>
 *   <li>otherwise, at least {@link Params#nightShare()} of activity falls in the claimed zone's
 *   night ({@link Params#nightStart()}..{@link Params#nightEnd()}): MEDIUM.</li>
 * </ul>
 *
 * <p>Design notes: a 24-bucket histogram of distinct active hours (16-bit, saturating, two per
 * int), the last counted hour and the latest login time, in one stripe of {@value #STRIDE} ints
 * per account in a single array, so that a login touches one cache line; the flag set once an
 * account is reported is read only by {@link #flush}. 65 bytes per account.
 */
public final class WorkingHoursDetector extends AccountLoginDetector<WorkingHoursDetector.Params> {
    public static final String NAME = "working-hours";

    /**
     * @param minActiveHours fewest distinct active hours before judging (default 30)
     * @param dayStart       local working day start hour (default 9)
     * @param dayEnd         local working day end hour, exclusive (default 18)
     * @param nightStart     local night start hour (default 0)
     * @param nightEnd       local night end hour, exclusive (default 6)
     * @param nightShare     night share that triggers (default 0.5)
     * @param suspectOffsets UTC offsets in hours whose fit is suspicious (default 8 and 9)
     * @param minShiftHours  smallest distance between best-fit and claimed offset (default 3)
     */
    public record Params(int minActiveHours, int dayStart, int dayEnd, int nightStart, int nightEnd, double nightShare,
                         Set<Integer> suspectOffsets, int minShiftHours) {
        public Params {
            suspectOffsets = Set.copyOf(suspectOffsets);
            if (minActiveHours < 1 || dayStart < 0 || dayEnd > 24 || dayStart >= dayEnd || nightStart < 0
                    || nightEnd > 24 || nightStart >= nightEnd || !(nightShare > 0 && nightShare <= 1) || minShiftHours < 1) {
                throw new IllegalArgumentException("working-hours parameters out of range");
            }
        }

        public static Params defaults() {
            return new Params(30, 9, 18, 0, 6, 0.5, Set.of(8, 9), 3);
        }
    }

    private final HrDirectory hr;
    private final Clock clock;
    private static final int STRIDE = 16;
    private static final int HIST = 0;
    private static final int LAST_HOUR = 12;
    private static final int LATEST_HI = 13;
    private static final int LATEST_LO = 14;

    private int[] state = new int[0];
    private boolean[] reported = new boolean[0];

    public WorkingHoursDetector(Params params, Accounts accounts, HrDirectory hr, Clock clock) {
        super(NAME, params, accounts);
        this.hr = Objects.requireNonNull(hr, "hr");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        int[] st = state;
        int base = a * STRIDE;
        long t = l.event().epochMillis();
        if (t > latest(base)) {
            st[base + LATEST_HI] = (int) (t >>> 32);
            st[base + LATEST_LO] = (int) t;
        }
        int h = (int) Math.floorDiv(t, 3_600_000L);
        if (h == st[base + LAST_HOUR]) {
            return;
        }
        st[base + LAST_HOUR] = h;
        int bucket = Math.floorMod(h, 24);
        int word = base + HIST + (bucket >> 1);
        int shift = (bucket & 1) << 4;
        if ((st[word] >>> shift & 0xFFFF) < Short.MAX_VALUE) {
            st[word] += 1 << shift;
        }
    }

    private long latest(int base) {
        return ((long) state[base + LATEST_HI] << 32) | (state[base + LATEST_LO] & 0xFFFF_FFFFL);
    }

    private int hist(int base, int bucket) {
        return state[base + HIST + (bucket >> 1)] >>> ((bucket & 1) << 4) & 0xFFFF;
    }

    @Override
    void grow(int n) {
        int from = state.length / STRIDE;
        state = Arrays.copyOf(state, n * STRIDE);
        for (int base = from * STRIDE; base < state.length; base += STRIDE) {
            state[base + LAST_HOUR] = Integer.MIN_VALUE;
        }
        reported = Arrays.copyOf(reported, n);
    }

    @Override
    public void flush(Consumer<Finding> out) {
        Instant now = clock.now();
        for (int a = 0; a < capacity() && a < accounts.size(); a++) {
            if (reported[a]) {
                continue;
            }
            String account = accounts.name(a);
            Optional<HrRecord> r = hr.byAccount(account);
            if (r.isEmpty() || r.get().timeZone().isEmpty()) {
                continue;
            }
            int[] h = new int[24];
            int total = 0;
            for (int i = 0; i < 24; i++) {
                h[i] = hist(a * STRIDE, i);
                total += h[i];
            }
            if (total >= params.minActiveHours()) {
                judge(a, account, r.get(), h, total, now, out);
            }
        }
    }

    private void judge(int a, String account, HrRecord r, int[] h, int total, Instant now, Consumer<Finding> out) {
        ZoneId zone = r.timeZone().orElseThrow();
        int claimed = Math.round(zone.getRules().getOffset(now).getTotalSeconds() / 3600f);
        int best = claimed;
        double bestShare = share(h, claimed, params.dayStart(), params.dayEnd()) / total;
        for (int o = -12; o <= 14; o++) {
            double s = share(h, o, params.dayStart(), params.dayEnd()) / total;
            if (s > bestShare + 1e-9) {
                best = o;
                bestShare = s;
            }
        }
        double night = share(h, claimed, params.nightStart(), params.nightEnd()) / total;
        boolean suspectFit = params.suspectOffsets().contains(best) && Math.abs(best - claimed) >= params.minShiftHours();
        if (!suspectFit && night < params.nightShare()) {
            return;
        }
        reported[a] = true;
        String title = suspectFit
                ? String.format(Locale.ROOT, "%s: working day fits UTC%+d, not the claimed %s (UTC%+d)", account, best, zone, claimed)
                : String.format(Locale.ROOT, "%s: %.0f%% of activity at night in the claimed %s", account, night * 100, zone);
        out.accept(new Finding(NAME, suspectFit ? Severity.HIGH : Severity.MEDIUM, Subjects.account(account),
                Instant.ofEpochMilli(latest(a * STRIDE)), title,
                Ev.of("claimed_zone", zone.getId(), "claimed_offset", String.format(Locale.ROOT, "%+d", claimed),
                        "best_fit_offset", String.format(Locale.ROOT, "%+d", best),
                        "best_fit_share", String.format(Locale.ROOT, "%.2f", bestShare),
                        "night_share", String.format(Locale.ROOT, "%.2f", night),
                        "active_hours", Integer.toString(total), "utc_hour_histogram", histogram(h),
                        "person", r.person()),
                List.of(r.source())));
    }

    /** Activity in local hours [from, to) for a zone at {@code offset} hours from UTC. */
    private static double share(int[] utcHist, int offset, int from, int to) {
        double s = 0;
        for (int local = from; local < to; local++) {
            s += utcHist[Math.floorMod(local - offset, 24)];
        }
        return s;
    }

    private static String histogram(int[] h) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(i == 0 ? "" : " ").append(h[i]);
        }
        return sb.toString();
    }

    @Override
    public long stateBytes() {
        return capacity() * (STRIDE * 4L + 1);
    }
}
