package dev.cordon.intel.account;

import dev.cordon.core.Chain;
import dev.cordon.intel.trace.AccountRule;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TaintModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Source of funds on an account chain: attributes the value of target flows to the credits their
 * senders' balances were made of, back through the graph, until it reaches a labelled source,
 * value of unknown origin, or a limit.
 *
 * <p>Design notes. The mirror of {@link AccountForwardTrace}: flows with value to explain are
 * taken in decreasing order through a heap, so every later flow that could ask value of a credit
 * has done so before the credit is expanded, and each flow is expanded once. Expanding a flow
 * reads its sender's history under the model's {@link AccountRule} ({@link DebitParts}): the
 * value asked of the debit is laid on the earlier credits it was made of (the first units in FIFO
 * or LIFO order, a share of every credit left for haircut, every earlier credit in full for
 * poison), and each of those credits is asked in turn. Each unit ends in one bucket: a labelled
 * source (the sender of the flow is labelled; the targets' own accounts excepted), unknown origin
 * (the balance the history cannot explain: genesis, rewards, blocks before the first ingested
 * one; reported as "mined"), or not followed (hop limit, minimum value). Running time
 * O(k h log k) for k flows reached and h their senders' history lengths.
 */
final class AccountBackwardTrace {
    private final AccountGraph g;
    private final AccountRule rule;
    private final EndpointResolver sources;
    private final AccountLimits limits;
    private final Set<Integer> targetAccounts;
    private final Map<Integer, BigInteger> asked = new HashMap<>();
    private final Map<Integer, Integer> hop = new HashMap<>();
    final Map<Integer, Integer> parent = new HashMap<>();
    private final Map<Integer, BigInteger> parentUnits = new HashMap<>();
    private final Map<Integer, AccountTotals> totals = new HashMap<>();
    private final LongHeap heap = new LongHeap();
    final List<Integer> sourceFlows = new ArrayList<>();
    final List<BigInteger> sourceUnits = new ArrayList<>();
    /** Per sender account, value of unknown origin reached there, and the flow it was reached through. */
    final Map<Integer, BigInteger> unknownAt = new HashMap<>();
    final Map<Integer, Integer> unknownFlow = new HashMap<>();
    final Set<Integer> seedFlows;
    int flowsExpanded;

    private AccountBackwardTrace(AccountGraph g, TaintModel model, EndpointResolver sources, AccountLimits limits,
                                 Set<Integer> seedFlows, Set<Integer> targetAccounts) {
        this.g = Objects.requireNonNull(g, "graph");
        this.rule = model.accountRule();
        this.sources = Objects.requireNonNull(sources, "sources");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.seedFlows = seedFlows;
        this.targetAccounts = targetAccounts;
    }

    /**
     * Runs a backward trace.
     *
     * @param targets        flows whose value to explain, with the units asked of each
     * @param targetAccounts accounts that are never reported as their own source
     */
    static AccountBackwardTrace run(AccountGraph g, TaintModel model, EndpointResolver sources, Map<Integer, BigInteger> targets,
                                    Set<Integer> targetAccounts, AccountLimits limits) {
        AccountBackwardTrace t = new AccountBackwardTrace(g, model, sources, limits, Set.copyOf(targets.keySet()),
                targetAccounts);
        targets.forEach((f, units) -> {
            AccountTotals b = t.books(g.bookAsset(g.asset(f)));
            b.seeded = b.seeded.add(units);
            t.ask(f, units, 0, -1);
        });
        t.drain();
        return t;
    }

    Map<Integer, AccountTotals> totals() {
        return totals;
    }

    BigInteger parentUnits(int flow) {
        return parentUnits.get(flow);
    }

    private AccountTotals books(int asset) {
        return totals.computeIfAbsent(asset, k -> new AccountTotals());
    }

    /**
     * Asks {@code units} of a flow's value to be explained. A flow never explains more than its
     * amount: what is asked beyond it (a target that fed another target, or poison asking every
     * contact in full) is counted once and the rest goes to the overlap.
     */
    private void ask(int flow, BigInteger units, int h, int from) {
        BigInteger before = asked.get(flow);
        BigInteger total = before == null ? units : before.add(units);
        BigInteger cap = g.amount(flow);
        if (total.compareTo(cap) > 0) {
            AccountTotals b = books(g.bookAsset(g.asset(flow)));
            b.overlap = b.overlap.add(total.subtract(cap));
            total = cap;
        }
        if (before == null) {
            heap.push(-(long) flow);
        }
        asked.put(flow, total);
        hop.merge(flow, h, Math::min);
        if (from >= 0 && units.compareTo(parentUnits.getOrDefault(flow, BigInteger.ZERO)) > 0) {
            parent.put(flow, from);
            parentUnits.put(flow, units);
        }
    }

    private void drain() {
        while (!heap.isEmpty()) {
            int f = (int) -heap.pop();
            expand(f, asked.get(f));
        }
    }

    private void expand(int f, BigInteger units) {
        flowsExpanded++;
        int sender = g.from(f);
        AccountTotals b = books(g.bookAsset(g.asset(f)));
        int h = hop.get(f);
        if (!targetAccounts.contains(sender) && sources.endpoint(Chain.ETHEREUM, sender).isPresent()) {
            b.endpoints = b.endpoints.add(units);
            sourceFlows.add(f);
            sourceUnits.add(units);
            return;
        }
        if (h >= limits.maxHops() || units.compareTo(limits.minValue(g.asset(f))) < 0) {
            b.untraced = b.untraced.add(units);
            return;
        }
        List<DebitParts.Part> parts = DebitParts.take(DebitParts.of(g, sender, f, rule), units, rule);
        for (DebitParts.Part p : parts) {
            if (p.origin() == DebitParts.UNKNOWN) {
                b.mined = b.mined.add(p.units());
                unknownAt.merge(sender, p.units(), BigInteger::add);
                unknownFlow.putIfAbsent(sender, f);
            } else {
                ask(p.origin(), p.units(), h + 1, f);
            }
        }
    }
}
