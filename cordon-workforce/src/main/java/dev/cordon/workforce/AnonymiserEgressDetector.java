package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Durations;
import dev.cordon.workforce.internal.Grow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * VPN, hosting, proxy and Tor egress: a successful login through an anonymising network.
 * Severity by kind: known-bad operator (Astrill) and Tor HIGH, VPN and proxy MEDIUM, hosting LOW.
 * Repeats for the same account and kind are reported again only after {@link Params#repeatAfter()}.
 *
 * <p>Design notes: per account one int (last report, epoch seconds) per kind and one for
 * known-bad operators: 20 bytes.
 */
public final class AnonymiserEgressDetector extends AccountLoginDetector<AnonymiserEgressDetector.Params> {
    public static final String NAME = "anonymising-egress";
    private static final int KINDS = 5;

    /**
     * @param repeatAfter     quiet period per account and kind (default 24 h)
     * @param includeFailures also report failed logins (default false)
     */
    public record Params(Duration repeatAfter, boolean includeFailures) {
        public Params {
            Objects.requireNonNull(repeatAfter, "repeatAfter");
            Durations.requireNonNegative("repeatAfter must be >= 0", repeatAfter);
        }

        public static Params defaults() {
            return new Params(Duration.ofHours(24), false);
        }
    }

    private int[] last = new int[0];

    public AnonymiserEgressDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        Egress g = l.egress();
        if (!g.kind().anonymising() || (l.event().outcome() == Outcome.FAILURE && !params.includeFailures())) {
            return;
        }
        int slot = a * KINDS + slot(g);
        if (slot >= last.length) {
            last = Grow.ints(last, (a + 1) * KINDS, Integer.MIN_VALUE / 2);
        }
        int t = (int) (l.event().epochMillis() / 1000);
        if ((long) t - last[slot] < params.repeatAfter().toSeconds()) {
            return;
        }
        last[slot] = t;
        String account = accounts.name(a);
        String kind = g.kind().name().toLowerCase(Locale.ROOT);
        Severity s = g.badOperator() || g.kind() == EgressKind.TOR ? Severity.HIGH
                : g.kind() == EgressKind.HOSTING ? Severity.LOW : Severity.MEDIUM;
        String op = g.operator().isEmpty() ? "" : " (" + g.operator() + ")";
        out.accept(new Finding(NAME, s, Subjects.account(account), Instant.ofEpochMilli(l.event().epochMillis()),
                account + ": login through " + kind + " egress" + op + (g.badOperator() ? ", a known-bad operator" : ""),
                evidence(l, "ip", l.event().ip(), "kind", kind, "operator", g.operator(), "basis", g.basis(),
                        "asn", l.asn() == 0 ? "" : "AS" + l.asn(), "as_org", l.asOrg(),
                        "known_bad_operator", g.badOperator() ? "true" : ""),
                List.of(l.event().source(), g.basis())));
    }

    private static int slot(Egress g) {
        if (g.badOperator()) {
            return 4;
        }
        return switch (g.kind()) {
            case VPN -> 0;
            case HOSTING -> 1;
            case PROXY -> 2;
            default -> 3;
        };
    }

    @Override
    public long stateBytes() {
        return last.length * 4L;
    }
}
