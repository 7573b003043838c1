package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Countries;
import dev.cordon.workforce.internal.Ev;
import dev.cordon.workforce.internal.Grow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Many countries for one account within a window: successful logins from at least
 * {@link Params#minCountries()} countries within {@link Params#window()}. Logins through
 * anonymising egress are left out (their country is the exit's).
 *
 * <p>Design notes: each account keeps its last {@value #SLOTS} distinct countries with the time
 * each was last seen (2 + 4 bytes each), replacing the stalest; 52 bytes per account.
 */
public final class CountryWindowDetector extends AccountLoginDetector<CountryWindowDetector.Params> {
    public static final String NAME = "many-countries";
    static final int SLOTS = 8;

    /**
     * @param window       sliding window (default 24 h)
     * @param minCountries distinct countries that trigger (default 3, at most 8)
     */
    public record Params(Duration window, int minCountries) {
        public Params {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero() || minCountries < 2 || minCountries > SLOTS) {
                throw new IllegalArgumentException("window must be > 0 and minCountries in 2.." + SLOTS);
            }
        }

        public static Params defaults() {
            return new Params(Duration.ofHours(24), 3);
        }
    }

    private short[] country = new short[0];
    private int[] seen = new int[0];
    private int[] lastEmit = new int[0];

    public CountryWindowDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        int c = Countries.code(l.geo().country());
        if (c < 0 || l.event().outcome() == Outcome.FAILURE || l.egress().kind().anonymising()) {
            return;
        }
        ensure(a);
        int t = (int) (l.event().epochMillis() / 1000);
        int base = a * SLOTS;
        int slot = -1;
        int stalest = base;
        for (int i = base; i < base + SLOTS; i++) {
            if (country[i] == c) {
                slot = i;
                break;
            }
            if (country[i] < 0 || (country[stalest] >= 0 && seen[i] < seen[stalest])) {
                stalest = i;
            }
        }
        if (slot < 0) {
            slot = stalest;
            country[slot] = (short) c;
            seen[slot] = t;
        } else {
            seen[slot] = Math.max(seen[slot], t);
        }
        long windowSec = params.window().toSeconds();
        int recent = 0;
        for (int i = base; i < base + SLOTS; i++) {
            if (country[i] >= 0 && seen[i] >= t - windowSec) {
                recent++;
            }
        }
        if (recent >= params.minCountries() && (long) t - lastEmit[a] > windowSec) {
            lastEmit[a] = t;
            emit(a, base, t, windowSec, recent, l, out);
        }
    }

    private void emit(int a, int base, int t, long windowSec, int recent, EnrichedLogin l, Consumer<Finding> out) {
        List<String> seenList = new ArrayList<>(SLOTS);
        for (int i = base; i < base + SLOTS; i++) {
            if (country[i] >= 0 && seen[i] >= t - windowSec) {
                seenList.add(Countries.iso(country[i]) + "@" + Ev.time(seen[i] * 1000L));
            }
        }
        String account = accounts.name(a);
        Severity s = recent >= params.minCountries() + 2 ? Severity.HIGH : Severity.MEDIUM;
        out.accept(finding(NAME, s, account, l, account + ": logins from " + recent + " countries within " + params.window(),
                "countries_last_seen", String.join(", ", seenList), "window", params.window().toString(),
                "latest_ip", l.event().ip()));
    }

    @Override
    void grow(int n) {
        lastEmit = Grow.ints(lastEmit, n, Integer.MIN_VALUE / 2);
        country = Grow.shorts(country, n * SLOTS, (short) -1);
        seen = Grow.ints(seen, n * SLOTS, 0);
    }

    @Override
    public long stateBytes() {
        return capacity() * (4L + SLOTS * 6L);
    }
}
