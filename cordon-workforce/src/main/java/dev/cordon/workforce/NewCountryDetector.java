package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Countries;
import dev.cordon.workforce.internal.Ev;
import dev.cordon.workforce.internal.Grow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * New country for an account: a successful login from a country the account never used, once
 * the account's learning period (from its earliest login of any kind) is over. Anonymising egress is left
 * out.
 *
 * <p>Design notes: known countries are a 676-bit set (all packed ISO codes), allocated on the
 * account's first located login: 104 bytes, plus 8 for the first-seen time.
 */
public final class NewCountryDetector implements LoginDetector {
    public static final String NAME = "new-country";
    private static final int WORDS = (Countries.CODES + 63) / 64;

    /** @param learning how long an account's countries are learned silently (default 14 days) */
    public record Params(Duration learning) {
        public Params {
            Objects.requireNonNull(learning, "learning");
            if (learning.isNegative()) {
                throw new IllegalArgumentException("learning must be >= 0");
            }
        }

        public static Params defaults() {
            return new Params(Duration.ofDays(14));
        }
    }

    private final Params params;
    private final Accounts accounts;
    private long[][] known = new long[0][];
    private long[] first = new long[0];

    public NewCountryDetector(Params params, Accounts accounts) {
        this.params = Objects.requireNonNull(params, "params");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        if (a >= first.length) {
            first = Grow.longs(first, a + 1, Long.MAX_VALUE);
            known = Grow.objects(known, first.length);
        }
        long t = l.event().epochMillis();
        first[a] = Math.min(first[a], t);
        int c = Countries.code(l.geo().country());
        if (c < 0 || l.event().outcome() == Outcome.FAILURE || l.egress().kind().anonymising()) {
            return;
        }
        if (known[a] == null) {
            known[a] = new long[WORDS];
        }
        long bit = 1L << (c & 63);
        if ((known[a][c >>> 6] & bit) != 0) {
            return;
        }
        known[a][c >>> 6] |= bit;
        if (t - first[a] < params.learning().toMillis()) {
            return;
        }
        String account = accounts.name(a);
        out.accept(new Finding(NAME, Severity.MEDIUM, Subjects.account(account), Instant.ofEpochMilli(t),
                account + ": first login from " + l.geo().country() + " after " + params.learning().toDays()
                        + " days of history",
                Ev.of("country", l.geo().country(), "city", l.geo().city(), "ip", l.event().ip(),
                        "known_countries", knownList(known[a], c), "account_first_seen", Ev.time(first[a]),
                        "record", Ev.at(l.event().source(), l.event().line())),
                List.of(l.event().source())));
    }

    private static String knownList(long[] bits, int except) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Countries.CODES; i++) {
            if (i != except && (bits[i >>> 6] & (1L << (i & 63))) != 0) {
                sb.append(sb.length() == 0 ? "" : ",").append(Countries.iso(i));
            }
        }
        return sb.toString();
    }

    @Override
    public long stateBytes() {
        long n = 0;
        for (long[] k : known) {
            if (k != null) {
                n += 16 + WORDS * 8L;
            }
        }
        return n + first.length * 16L;
    }
}
