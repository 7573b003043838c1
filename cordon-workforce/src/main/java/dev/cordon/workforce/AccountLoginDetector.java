package dev.cordon.workforce;

import dev.cordon.core.Evidence;
import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Ev;
import dev.cordon.workforce.internal.Grow;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the login detectors share: their validated {@code Params}, the dense account ids, the
 * per-account capacity of their state arrays, and findings about one account raised by one login.
 *
 * <p>Design notes: {@link #ensure} is the only per-login cost of this class, one int comparison;
 * the arrays are grown by the subclass in {@link #grow} (doubling, see {@link Grow#capacity}), so
 * each detector keeps its state in its own primitive arrays. Building a finding allocates, but
 * only when a finding is raised.
 *
 * @param <P> the detector's parameter record
 */
abstract class AccountLoginDetector<P extends Record> implements LoginDetector {
    final P params;
    final Accounts accounts;
    private final String name;
    private int capacity;

    AccountLoginDetector(String name, P params, Accounts accounts) {
        this.name = name;
        this.params = Objects.requireNonNull(params, "params");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public final String name() {
        return name;
    }

    /** Makes room for the state of account id {@code a}: amortised O(1). */
    final void ensure(int a) {
        if (a >= capacity) {
            capacity = Grow.capacity(capacity, a + 1);
            grow(capacity);
        }
    }

    /** Accounts the state arrays hold; 0 before the first {@link #ensure}. */
    final int capacity() {
        return capacity;
    }

    /** See {@link LoginDetector#touch}: the first and last element of one stripe, when it exists. */
    static int touch(int[] state, int base, int stride) {
        return base + stride <= state.length ? state[base] + state[base + stride - 1] : 0;
    }

    /** See {@link LoginDetector#touch}: the first and last element of one stripe, when it exists. */
    static int touch(long[] state, int base, int stride) {
        return base + stride <= state.length ? (int) (state[base] + state[base + stride - 1]) : 0;
    }

    /**
     * Grows the per-account arrays to hold {@code accounts} accounts, filling the new part with
     * each array's "never seen" value. Detectors whose state is not indexed by account keep this
     * empty and do not call {@link #ensure}.
     */
    void grow(int accounts) {
    }

    /**
     * A finding about {@code account} at the time of login {@code l}, sourced from its file; the
     * evidence is {@code nameValue} followed by the login's {@code record} ({@code file:line}).
     */
    static Finding finding(String detector, Severity severity, String account, EnrichedLogin l, String title,
                           String... nameValue) {
        return new Finding(detector, severity, Subjects.account(account), Instant.ofEpochMilli(l.event().epochMillis()),
                title, evidence(l, nameValue), List.of(l.event().source()));
    }

    /** {@code nameValue} pairs (empty values left out) followed by the login's {@code record}. */
    static List<Evidence> evidence(EnrichedLogin l, String... nameValue) {
        String[] pairs = Arrays.copyOf(nameValue, nameValue.length + 2);
        pairs[nameValue.length] = "record";
        pairs[nameValue.length + 1] = Ev.at(l.event().source(), l.event().line());
        return Ev.of(pairs);
    }
}
