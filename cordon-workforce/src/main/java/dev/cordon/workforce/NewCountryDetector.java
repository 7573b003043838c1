package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Countries;
import dev.cordon.workforce.internal.Ev;
import dev.cordon.workforce.internal.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * New country for an account: a successful login from a country the account never used, once
 * the account's learning period (from its earliest login of any kind) is over. Anonymising egress is left
 * out.
 *
 * <p>Design notes: per account one stripe of {@value #STRIDE} longs in a single array, so that a
 * login touches one or two adjacent cache lines: the first-seen time, then the known countries as
 * a 676-bit set (all packed ISO codes). 96 bytes per account.
 */
public final class NewCountryDetector extends AccountLoginDetector<NewCountryDetector.Params> {
    public static final String NAME = "new-country";
    private static final int WORDS = (Countries.CODES + 63) / 64;
    private static final int STRIDE = 1 + WORDS;

    /** @param learning how long an account's countries are learned silently (default 14 days) */
    public record Params(Duration learning) {
        public Params {
            Objects.requireNonNull(learning, "learning");
            Durations.requireNonNegative("learning must be >= 0", learning);
        }

        public static Params defaults() {
            return new Params(Duration.ofDays(14));
        }
    }

    /** Per account: [first-seen millis, known-country bits...]. */
    private long[] state = new long[0];

    public NewCountryDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public int touch(int a, EnrichedLogin l) {
        return touch(state, a * STRIDE, STRIDE);
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        ensure(a);
        int base = a * STRIDE;
        long t = l.event().epochMillis();
        long first = Math.min(state[base], t);
        state[base] = first;
        int c = Countries.code(l.geo().country());
        if (c < 0 || l.event().outcome() == Outcome.FAILURE || l.egress().kind().anonymising()) {
            return;
        }
        int word = base + 1 + (c >>> 6);
        long bit = 1L << (c & 63);
        if ((state[word] & bit) != 0) {
            return;
        }
        state[word] |= bit;
        if (t - first < params.learning().toMillis()) {
            return;
        }
        String account = accounts.name(a);
        out.accept(finding(NAME, Severity.MEDIUM, account, l,
                account + ": first login from " + l.geo().country() + " after " + params.learning().toDays()
                        + " days of history",
                "country", l.geo().country(), "city", l.geo().city(), "ip", l.event().ip(),
                "known_countries", knownList(state, base + 1, c), "account_first_seen", Ev.time(first)));
    }

    @Override
    void grow(int n) {
        int old = state.length / STRIDE;
        state = Arrays.copyOf(state, Math.multiplyExact(n, STRIDE));
        for (int a = old; a < n; a++) {
            state[a * STRIDE] = Long.MAX_VALUE;
        }
    }

    private static String knownList(long[] bits, int from, int except) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Countries.CODES; i++) {
            if (i != except && (bits[from + (i >>> 6)] & (1L << (i & 63))) != 0) {
                sb.append(sb.length() == 0 ? "" : ",").append(Countries.iso(i));
            }
        }
        return sb.toString();
    }

    @Override
    public long stateBytes() {
        return capacity() * (long) STRIDE * 8;
    }
}
