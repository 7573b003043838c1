package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Countries;
import dev.cordon.workforce.internal.Ev;
import dev.cordon.workforce.internal.Grow;
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
 * top-k sketch, 18 bytes) and the time of the latest login.
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
    private short[] country = new short[0];
    private int[] count = new int[0];
    private int[] total = new int[0];
    private long[] latest = new long[0];
    private boolean[] reported = new boolean[0];

    public LocationMismatchDetector(Params params, Accounts accounts, HrDirectory hr) {
        super(NAME, params, accounts);
        this.hr = Objects.requireNonNull(hr, "hr");
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        int c = Countries.code(l.geo().country());
        EgressKind k = l.egress().kind();
        if (c < 0 || l.event().outcome() == Outcome.FAILURE || k.anonymising() || k == EgressKind.OFFICE) {
            return;
        }
        ensure(a);
        total[a]++;
        latest[a] = Math.max(latest[a], l.event().epochMillis());
        int base = a * TOP;
        int min = base;
        for (int i = base; i < base + TOP; i++) {
            if (country[i] == c) {
                count[i]++;
                return;
            }
            if (count[i] < count[min]) {
                min = i;
            }
        }
        country[min] = (short) c;
        count[min]++;
    }

    @Override
    void grow(int n) {
        total = Grow.ints(total, n, 0);
        latest = Grow.longs(latest, n, 0);
        reported = Arrays.copyOf(reported, n);
        country = Grow.shorts(country, n * TOP, (short) -1);
        count = Grow.ints(count, n * TOP, 0);
    }

    @Override
    public void flush(Consumer<Finding> out) {
        for (int a = 0; a < capacity() && a < accounts.size(); a++) {
            if (total[a] < params.minLogins() || reported[a]) {
                continue;
            }
            String account = accounts.name(a);
            Optional<HrRecord> r = hr.byAccount(account);
            if (r.isEmpty() || r.get().country().isEmpty()) {
                continue;
            }
            int top = a * TOP;
            for (int i = a * TOP + 1; i < a * TOP + TOP; i++) {
                if (count[i] > count[top]) {
                    top = i;
                }
            }
            String seen = Countries.iso(country[top]);
            double share = count[top] / (double) total[a];
            if (!seen.equals(r.get().country()) && share >= params.minShare()) {
                reported[a] = true;
                out.accept(new Finding(NAME, Severity.HIGH, Subjects.account(account), Instant.ofEpochMilli(latest[a]),
                        account + ": logs in from " + seen + " (" + Math.round(share * 100) + "% of logins) but HR has "
                                + r.get().country(),
                        Ev.of("observed_country", seen, "share", String.format(Locale.ROOT, "%.2f", share),
                                "logins_counted", Integer.toString(total[a]), "hr_country", r.get().country(),
                                "person", r.get().person(), "hr_record", Ev.at(r.get().source(), r.get().line())),
                        List.of(r.get().source())));
            }
        }
    }

    @Override
    public long stateBytes() {
        return capacity() * (4L + 8 + 1 + TOP * 6L);
    }
}
