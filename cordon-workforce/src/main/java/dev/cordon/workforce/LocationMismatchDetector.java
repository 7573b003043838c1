package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Countries;
import dev.cordon.workforce.internal.Ev;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Device location differs from the HR address: the country most of an account's located,
 * non-anonymised, successful logins come from is not the country HR has for the person. Judged on
 * {@link #flush} once the account has {@link Params#minLogins()} such logins.
 *
 * <p>Design notes: per account the three most frequent countries with counts (a space-saving
 * top-k sketch) and the time of the latest login, in one stripe of {@value #STRIDE} ints per
 * account in a single array, so that a login touches one cache line; the flag set once an account
 * is reported is read only by {@link #flush}. 37 bytes per account.
 */
public final class LocationMismatchDetector extends AccountLoginDetector<LocationMismatchDetector.Params> {
    public static final String NAME = "location-mismatch";
    private static final int TOP = 3;

    /**
     * @param minLogins fewest counted logins before judging (default 5)
     * @param minShare  share of logins the foreign country must have (default 0.6)
     */
    public record Params(int minLogins, double minShare) {
        public Params {
            if (minLogins < 1 || !(minShare > 0 && minShare <= 1)) {
                throw new IllegalArgumentException("minLogins must be >= 1 and minShare in (0, 1]");
            }
        }

        public static Params defaults() {
            return new Params(5, 0.6);
        }
    }

    private final HrDirectory hr;
    private static final int STRIDE = 3 + 2 * TOP;
    private static final int LATEST_HI = 0;
    private static final int LATEST_LO = 1;
    private static final int TOTAL = 2;
    private static final int COUNTRY = 3;
    private static final int COUNT = 3 + TOP;

    private int[] state = new int[0];
    private boolean[] reported = new boolean[0];

    public LocationMismatchDetector(Params params, Accounts accounts, HrDirectory hr) {
        super(NAME, params, accounts);
        this.hr = Objects.requireNonNull(hr, "hr");
    }

    @Override
    public int touch(int a, EnrichedLogin l) {
        return touch(state, a * STRIDE, STRIDE);
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        int c = Countries.code(l.geo().country());
        EgressKind k = l.egress().kind();
        if (c < 0 || l.event().outcome() == Outcome.FAILURE || k.anonymising() || k == EgressKind.OFFICE) {
            return;
        }
        ensure(a);
        int[] st = state;
        int base = a * STRIDE;
        st[base + TOTAL]++;
        long t = l.event().epochMillis();
        if (t > latest(base)) {
            st[base + LATEST_HI] = (int) (t >>> 32);
            st[base + LATEST_LO] = (int) t;
        }
        int country = base + COUNTRY;
        int count = base + COUNT;
        int min = 0;
        for (int i = 0; i < TOP; i++) {
            if (st[country + i] == c) {
                st[count + i]++;
                return;
            }
            if (st[count + i] < st[count + min]) {
                min = i;
            }
        }
        st[country + min] = c;
        st[count + min]++;
    }

    private long latest(int base) {
        return ((long) state[base + LATEST_HI] << 32) | (state[base + LATEST_LO] & 0xFFFF_FFFFL);
    }

    @Override
    void grow(int n) {
        int from = state.length / STRIDE;
        state = Arrays.copyOf(state, n * STRIDE);
        for (int base = from * STRIDE; base < state.length; base += STRIDE) {
            Arrays.fill(state, base + COUNTRY, base + COUNTRY + TOP, -1);
        }
        reported = Arrays.copyOf(reported, n);
    }

    @Override
    public void flush(Consumer<Finding> out) {
        for (int a = 0; a < capacity() && a < accounts.size(); a++) {
            int base = a * STRIDE;
            int total = state[base + TOTAL];
            if (total < params.minLogins() || reported[a]) {
                continue;
            }
            String account = accounts.name(a);
            Optional<HrRecord> r = hr.byAccount(account);
            if (r.isEmpty() || r.get().country().isEmpty()) {
                continue;
            }
            int top = 0;
            for (int i = 1; i < TOP; i++) {
                if (state[base + COUNT + i] > state[base + COUNT + top]) {
                    top = i;
                }
            }
            String seen = Countries.iso(state[base + COUNTRY + top]);
            double share = state[base + COUNT + top] / (double) total;
            if (!seen.equals(r.get().country()) && share >= params.minShare()) {
                reported[a] = true;
                out.accept(new Finding(NAME, Severity.HIGH, Subjects.account(account), Instant.ofEpochMilli(latest(base)),
                        account + ": logs in from " + seen + " (" + Math.round(share * 100) + "% of logins) but HR has "
                                + r.get().country(),
                        Ev.of("observed_country", seen, "share", String.format(Locale.ROOT, "%.2f", share),
                                "logins_counted", Integer.toString(total), "hr_country", r.get().country(),
                                "person", r.get().person(), "hr_record", Ev.at(r.get().source(), r.get().line())),
                        List.of(r.get().source())));
            }
        }
    }

    @Override
    public long stateBytes() {
        return capacity() * (STRIDE * 4L + 1);
    }
}
