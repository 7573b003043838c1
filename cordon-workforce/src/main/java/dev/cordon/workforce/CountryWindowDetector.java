package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Countries;
import dev.cordon.workforce.internal.Ev;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Many countries for one account within a window: successful logins from at least
 * {@link Params#minCountries()} countries within {@link Params#window()}. Logins through
 * anonymising egress are left out (their country is the exit's).
 *
 * <p>Design notes: each account keeps its last {@value #SLOTS} distinct countries with the time
 * each was last seen, replacing the stalest. Per account one stripe of {@value #STRIDE} ints in a
 * single array (the time of the last finding, the countries, their times), so that a login touches
 * one or two adjacent cache lines: 68 bytes per account.
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

    private static final int STRIDE = 1 + 2 * SLOTS;
    private static final int LAST_EMIT = 0;
    private static final int COUNTRY = 1;
    private static final int SEEN = 1 + SLOTS;

    private int[] state = new int[0];

    public CountryWindowDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public int touch(int a, EnrichedLogin l) {
        return touch(state, a * STRIDE, STRIDE);
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        int c = Countries.code(l.geo().country());
        if (c < 0 || l.event().outcome() == Outcome.FAILURE || l.egress().kind().anonymising()) {
            return;
        }
        ensure(a);
        int t = (int) (l.event().epochMillis() / 1000);
        int[] st = state;
        int base = a * STRIDE;
        int country = base + COUNTRY;
        int seen = base + SEEN;
        int slot = -1;
        int stalest = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (st[country + i] == c) {
                slot = i;
                break;
            }
            if (st[country + i] < 0 || (st[country + stalest] >= 0 && st[seen + i] < st[seen + stalest])) {
                stalest = i;
            }
        }
        if (slot < 0) {
            slot = stalest;
            st[country + slot] = c;
            st[seen + slot] = t;
        } else {
            st[seen + slot] = Math.max(st[seen + slot], t);
        }
        long windowSec = params.window().toSeconds();
        int recent = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (st[country + i] >= 0 && st[seen + i] >= t - windowSec) {
                recent++;
            }
        }
        if (recent >= params.minCountries() && (long) t - st[base + LAST_EMIT] > windowSec) {
            st[base + LAST_EMIT] = t;
            emit(a, base, t, windowSec, recent, l, out);
        }
    }

    private void emit(int a, int base, int t, long windowSec, int recent, EnrichedLogin l, Consumer<Finding> out) {
        List<String> seenList = new ArrayList<>(SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            int c = state[base + COUNTRY + i];
            int seen = state[base + SEEN + i];
            if (c >= 0 && seen >= t - windowSec) {
                seenList.add(Countries.iso(c) + "@" + Ev.time(seen * 1000L));
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
        int from = state.length / STRIDE;
        state = Arrays.copyOf(state, n * STRIDE);
        for (int base = from * STRIDE; base < state.length; base += STRIDE) {
            state[base + LAST_EMIT] = Integer.MIN_VALUE / 2;
            Arrays.fill(state, base + COUNTRY, base + COUNTRY + SLOTS, -1);
        }
    }

    @Override
    public long stateBytes() {
        return capacity() * STRIDE * 4L;
    }
}
