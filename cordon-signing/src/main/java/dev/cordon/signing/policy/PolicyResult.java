package dev.cordon.signing.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The verdict (the most severe reason's, {@link Verdict#ALLOW} when there is none) and the reasons, worst first. */
public record PolicyResult(Verdict verdict, List<Reason> reasons) {
    public PolicyResult {
        reasons = List.copyOf(reasons);
    }

    public static PolicyResult of(List<Reason> reasons) {
        List<Reason> sorted = new ArrayList<>(reasons);
        sorted.sort(Comparator.comparing(Reason::verdict).thenComparing(Reason::severity).reversed());
        Verdict v = Verdict.ALLOW;
        for (Reason r : sorted) {
            v = v.max(r.verdict());
        }
        return new PolicyResult(v, sorted);
    }

    /** This result with more reasons. */
    public PolicyResult plus(List<Reason> more) {
        List<Reason> all = new ArrayList<>(reasons);
        all.addAll(more);
        return of(all);
    }

    public boolean has(Check c) {
        return reasons.stream().anyMatch(r -> r.check() == c);
    }
}
