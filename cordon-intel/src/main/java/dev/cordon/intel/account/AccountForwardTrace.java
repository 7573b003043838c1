package dev.cordon.intel.account;

import dev.cordon.core.Chain;
import dev.cordon.intel.trace.AccountPool;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TaintModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Follows tainted value forward through account balances (Ethereum) until it reaches an
 * endpoint, goes to fees, stays held or passes a limit.
 *
 * <p>Design notes. Flows are applied in chain order (block, transaction index, position) through
 * a primitive min-heap keyed by (flow, account): each tainted account has one entry, its next
 * flow, so the trace touches only the flows of accounts that hold taint, each exactly once,
 * and taint only moves forward in time. A flow's debit is taken from the sender's pool of that
 * asset under the model's account rule ({@link TaintModel#accountPool}); its taint is credited to
 * the receiver, who becomes tainted with a pool whose clean balance is the receiver's history
 * replayed up to that flow (debits beyond the balance take clean value of unknown origin, so the
 * replay never goes negative). An account whose pools hold no taint any more goes dormant and is
 * caught up from where it stopped if taint reaches it again (not for poison, whose mark never
 * leaves). Every unit of taint ends in exactly one bucket: endpoint (a labelled service, where
 * the trace stops), fees (burnt or paid to the block producer), not followed (beyond
 * {@code maxHops} or below the minimum value), or held. Hops count flows from the seed along the
 * shortest tainted chain. Running time O(f log a) for f flows of tainted accounts and a
 * accounts, plus one history replay per account and asset that receives taint.
 */
public final class AccountForwardTrace {
    private final AccountGraph g;
    private final TaintModel model;
    private final EndpointResolver endpoints;
    private final AccountLimits limits;
    private final Map<Integer, Holder> holders = new HashMap<>();
    private final Map<Integer, AccountTotals> totals = new HashMap<>();
    private final LongHeap heap = new LongHeap();
    private final Set<Integer> seedAccounts = new HashSet<>();
    private final Set<Integer> seedFlowSet = new HashSet<>();
    /** Taint and hop that entered a converter (WETH), waiting for the flow that pays it out converted. */
    private final Map<Integer, BigInteger> parked = new HashMap<>();
    private final Map<Integer, Integer> parkedHop = new HashMap<>();
    /** Flows into a converter whose debit was taken early, when the converted payment came first. */
    private final Set<Integer> preDebited = new HashSet<>();
    final List<Integer> arrivalFlows = new ArrayList<>();
    final List<BigInteger> arrivalTaints = new ArrayList<>();
    int flowsApplied;

    private AccountForwardTrace(AccountGraph g, TaintModel model, EndpointResolver endpoints, AccountLimits limits) {
        this.g = Objects.requireNonNull(g, "graph");
        this.model = Objects.requireNonNull(model, "model");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Runs a forward trace on the graph alone (no names resolved: see {@link AccountTracer} for
     * reports), following at most {@code maxHops} flows from a seed up to block {@code untilHeight}.
     *
     * @param seedFlows  flows whose receivers are seeded, in increasing order, each at most once
     * @param seedTaints taint per seed flow, each in {@code 1 .. amount}
     */
    public static AccountForwardTrace run(AccountGraph g, TaintModel model, EndpointResolver endpoints, int[] seedFlows,
                                          BigInteger[] seedTaints, int maxHops, long untilHeight) {
        return run(g, model, endpoints, seedFlows, seedTaints, new AccountLimits(maxHops, Map.of(), untilHeight));
    }

    /** The books of each asset (by book asset id) after the trace. */
    public Map<Integer, AccountBooks> books() {
        Map<Integer, AccountBooks> out = new java.util.TreeMap<>();
        totals.forEach((a, t) -> out.put(a, new AccountBooks(t.seeded, t.overlap, t.endpoints, t.held, t.fees, t.untraced)));
        return out;
    }

    /** Flows the trace applied. */
    public int flowsApplied() {
        return flowsApplied;
    }

    /** Accounts that held taint at some point. */
    public int accountsTainted() {
        return holders.size();
    }

    /**
     * Runs a forward trace.
     *
     * @param seedFlows  flows whose receivers are seeded, in increasing order, each at most once
     * @param seedTaints taint per seed flow, each in {@code 1 .. amount}
     */
    static AccountForwardTrace run(AccountGraph g, TaintModel model, EndpointResolver endpoints, int[] seedFlows,
                                   BigInteger[] seedTaints, AccountLimits limits) {
        AccountForwardTrace t = new AccountForwardTrace(g, model, endpoints, limits);
        for (int f : seedFlows) {
            t.seedAccounts.add(g.to(f));
            t.seedFlowSet.add(f);
        }
        t.drain(seedFlows, seedTaints);
        t.closeBooks();
        return t;
    }

    Map<Integer, AccountTotals> totals() {
        return totals;
    }

    Map<Integer, Holder> holders() {
        return holders;
    }

    boolean isSeedFlow(int flow) {
        return seedFlowSet.contains(flow);
    }

    private void drain(int[] seedFlows, BigInteger[] seedTaints) {
        int si = 0;
        while (true) {
            int fh = heap.isEmpty() ? Integer.MAX_VALUE : (int) (heap.peek() >>> 32);
            int fs = si < seedFlows.length ? seedFlows[si] : Integer.MAX_VALUE;
            int f = Math.min(fh, fs);
            if (f == Integer.MAX_VALUE || g.height(f) > limits.untilHeight()) {
                return;
            }
            apply(f, f == fs ? seedTaints[si++] : null);
            flowsApplied++;
            while (!heap.isEmpty() && (int) (heap.peek() >>> 32) == f) {
                Holder h = holders.get((int) heap.pop());
                if (h != null && h.activeAt(f)) {
                    advance(h, f);
                }
            }
        }
    }

    /**
     * Applies one flow to the sender's and the receiver's pools. A wrap or unwrap through a
     * converter (WETH) is one movement: the taint of what went in comes out converted, to the same
     * account, in the other asset.
     */
    private void apply(int f, BigInteger seedTaint) {
        int sender = g.from(f);
        int receiver = g.to(f);
        int asset = g.asset(f);
        BigInteger amount = g.amount(f);
        Holder hs = active(sender, f);
        Holder hr = receiver == sender ? hs : active(receiver, f);
        AccountTotals books = totals.computeIfAbsent(g.bookAsset(asset), k -> new AccountTotals());
        int partner = g.isConverter(sender) || g.isConverter(receiver) ? g.partner(f) : AccountGraph.NONE;
        BigInteger t = BigInteger.ZERO;
        int hop = hs == null || hs.hop == Integer.MAX_VALUE ? Integer.MAX_VALUE : hs.hop + 1;
        if (partner != AccountGraph.NONE && g.isConverter(sender)) {
            if (partner < f) {
                t = parked.getOrDefault(f, BigInteger.ZERO);
                hop = parkedHop.getOrDefault(f, Integer.MAX_VALUE);
                parked.remove(f);
            } else if (hr != null && hr.pools.containsKey(g.asset(partner))) {
                t = hr.pools.get(g.asset(partner)).debit(g.amount(partner));
                preDebited.add(partner);
                hop = hr.hop == Integer.MAX_VALUE ? hr.hop : hr.hop + 1;
            }
        } else if (hs != null && hs.pools.containsKey(asset) && !preDebited.remove(f)) {
            t = hs.pools.get(asset).debit(amount);
        }
        if (seedTaint != null) {
            books.seeded = books.seeded.add(seedTaint);
            books.overlap = books.overlap.add(t.min(seedTaint));
            t = t.max(seedTaint);
            hop = 0;
        } else if (t.signum() > 0 && hop > limits.maxHops()) {
            books.untraced = books.untraced.add(t);
            t = BigInteger.ZERO;
        }
        if (t.signum() > 0 && g.isFee(f)) {
            books.fees = books.fees.add(t);
            t = BigInteger.ZERO;
        }
        if (t.signum() > 0) {
            t = stopAtEndpointOrLimit(f, receiver, asset, t, seedTaint != null, books);
        }
        if (partner != AccountGraph.NONE && g.isConverter(receiver) && (partner > f || t.signum() == 0)) {
            park(partner, f, receiver, t, hop);
        } else if (t.signum() > 0) {
            taint(receiver, hr, f, asset, amount, t, hop);
        } else if (hr != null && hr.pools.containsKey(asset)) {
            hr.pools.get(asset).credit(amount, BigInteger.ZERO);
        }
    }

    /** Holds the taint that entered a converter until its converted payment {@code partner} is applied. */
    private void park(int partner, int f, int converter, BigInteger t, int hop) {
        if (partner > f && t.signum() > 0) {
            parked.merge(partner, t, BigInteger::add);
            parkedHop.merge(partner, hop, Math::min);
            heap.push((long) partner << 32 | converter);
        }
    }

    /** Returns the taint that goes on to the receiver: none when it stops here. */
    private BigInteger stopAtEndpointOrLimit(int f, int receiver, int asset, BigInteger t, boolean seed,
                                             AccountTotals books) {
        if (!seed && !seedAccounts.contains(receiver) && endpoints.endpoint(Chain.ETHEREUM, receiver).isPresent()) {
            books.endpoints = books.endpoints.add(t);
            arrivalFlows.add(f);
            arrivalTaints.add(t);
            return BigInteger.ZERO;
        }
        if (!seed && t.compareTo(limits.minValue(asset)) < 0) {
            books.untraced = books.untraced.add(t);
            return BigInteger.ZERO;
        }
        return t;
    }

    /** Credits taint to the receiver, waking or creating its holder and pool as needed. */
    private void taint(int receiver, Holder active, int f, int asset, BigInteger amount, BigInteger t, int hop) {
        Holder h = active;
        if (h == null) {
            h = holders.computeIfAbsent(receiver, Holder::new);
            catchUp(h, f);
        }
        AccountPool pool = h.pools.get(asset);
        boolean debited = active != null && pool != null;
        if (pool == null) {
            pool = model.accountPool(cleanBalance(receiver, asset, f));
            h.pools.put(asset, pool);
        }
        if (!debited && g.from(f) == receiver) {
            pool.debit(amount);
        }
        pool.credit(amount, t);
        h.hop = Math.min(h.hop, hop);
        h.offerParent(asset, f, t);
        if (active == null) {
            h.applied = f;
            wake(h, g.nextFlowOf(receiver, f));
        }
    }

    private Holder active(int account, int f) {
        Holder h = holders.get(account);
        return h != null && h.activeAt(f) ? h : null;
    }

    /** Moves an active holder past flow {@code f}; it goes dormant when it holds no taint. */
    private void advance(Holder h, int f) {
        h.applied = f;
        h.cursor = AccountGraph.NONE;
        if (!model.conserves() || h.holdsTaint()) {
            wake(h, g.nextFlowOf(h.account, f));
        }
    }

    private void wake(Holder h, int next) {
        h.cursor = next;
        if (next != AccountGraph.NONE) {
            heap.push((long) next << 32 | h.account);
        }
    }

    /** Applies, without taint, the flows of a dormant holder's pools between where it stopped and {@code f}. */
    private void catchUp(Holder h, int f) {
        if (h.pools.isEmpty()) {
            return;
        }
        int cur = h.applied == AccountGraph.NONE ? g.firstFlowOf(h.account) : g.nextFlowOf(h.account, h.applied);
        for (; cur != AccountGraph.NONE && cur < f; cur = g.nextFlowOf(h.account, cur)) {
            AccountPool p = h.pools.get(g.asset(cur));
            if (p != null) {
                BigInteger a = g.amount(cur);
                if (g.from(cur) == h.account) {
                    p.debit(a);
                }
                if (g.to(cur) == h.account) {
                    p.credit(a, BigInteger.ZERO);
                }
            }
        }
    }

    /**
     * The account's balance in the asset just before flow {@code f}, replaying its history;
     * a debit beyond the balance leaves it at zero (clean value of unknown origin).
     */
    private BigInteger cleanBalance(int account, int asset, int f) {
        BigInteger b = BigInteger.ZERO;
        for (int cur = g.firstFlowOf(account); cur != AccountGraph.NONE && cur < f; cur = g.nextFlowOf(account, cur)) {
            if (g.asset(cur) == asset) {
                BigInteger a = g.amount(cur);
                if (g.from(cur) == account) {
                    b = a.compareTo(b) >= 0 ? BigInteger.ZERO : b.subtract(a);
                }
                if (g.to(cur) == account) {
                    b = b.add(a);
                }
            }
        }
        return b;
    }

    /** What is still in the pools is held. */
    private void closeBooks() {
        for (Holder h : holders.values()) {
            for (Map.Entry<Integer, AccountPool> e : h.pools.entrySet()) {
                AccountTotals books = totals.computeIfAbsent(g.bookAsset(e.getKey()), k -> new AccountTotals());
                books.held = books.held.add(e.getValue().taint());
            }
        }
    }
}
