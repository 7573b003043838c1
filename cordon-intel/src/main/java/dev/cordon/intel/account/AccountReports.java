package dev.cordon.intel.account;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Transfer;
import dev.cordon.intel.trace.AccountPool;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceReport.EndpointFlow;
import dev.cordon.intel.trace.TraceReport.TracePath;
import dev.cordon.intel.trace.TraceReport.TracedOutput;
import dev.cordon.store.EthereumStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an {@link AccountForwardTrace} in graph ids into one {@link TraceReport} per asset, with
 * names. A {@link TracedOutput} of an account trace names a value flow: the transaction hash
 * and the flow's position in it (in the place of Bitcoin's output index), the receiving address
 * and the taint it carried; a held entry names the account and the flow that brought it the most
 * taint.
 */
final class AccountReports {
    private final AccountGraph g;
    private final EthereumStore store;
    private final EndpointResolver endpoints;
    private final AccountTraceRequest request;
    private final AccountForwardTrace t;

    AccountReports(AccountGraph g, EthereumStore store, EndpointResolver endpoints, AccountTraceRequest request,
                   AccountForwardTrace t) {
        this.g = g;
        this.store = store;
        this.endpoints = endpoints;
        this.request = request;
        this.t = t;
    }

    /** One backward report per asset: sources as endpoints, value of unknown origin as mined. */
    List<TraceReport> backward(AccountBackwardTrace b) {
        List<TraceReport> out = new ArrayList<>();
        for (Map.Entry<Integer, AccountTotals> e : new TreeMap<>(b.totals()).entrySet()) {
            AccountTotals books = e.getValue();
            if (books.seeded.signum() == 0) {
                continue;
            }
            Asset a = store.assetById(e.getKey()).orElseThrow();
            List<EndpointFlow> flows = sourceFlows(b, e.getKey(), a, books.seeded);
            List<TracedOutput> unknown = new ArrayList<>();
            b.unknownAt.entrySet().stream()
                    .filter(x -> g.bookAsset(g.asset(b.unknownFlow.get(x.getKey()))) == e.getKey())
                    .sorted(Comparator.comparing((Map.Entry<Integer, BigInteger> x) -> x.getValue()).reversed()
                            .thenComparingInt(Map.Entry::getKey))
                    .limit(request.maxHeld())
                    .forEach(x -> unknown.add(step(b.unknownFlow.get(x.getKey()), x.getKey(), x.getValue(), a)));
            out.add(new TraceReport(TraceReport.Direction.BACKWARD, request.model().name(), request.model().conserves(),
                    amount(a, books.seeded), amount(a, books.endpoints), amount(a, BigInteger.ZERO),
                    amount(a, BigInteger.ZERO), amount(a, books.untraced), amount(a, books.mined),
                    amount(a, books.overlap), flows, unknown, b.flowsExpanded, b.unknownAt.size()));
        }
        return out;
    }

    private List<EndpointFlow> sourceFlows(AccountBackwardTrace b, int asset, Asset a, BigInteger seeded) {
        Map<Integer, List<Integer>> bySender = new LinkedHashMap<>();
        for (int i = 0; i < b.sourceFlows.size(); i++) {
            int f = b.sourceFlows.get(i);
            if (g.bookAsset(g.asset(f)) == asset) {
                bySender.computeIfAbsent(g.from(f), k -> new ArrayList<>()).add(i);
            }
        }
        List<EndpointFlow> flows = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : bySender.entrySet()) {
            List<Integer> idx = e.getValue();
            BigInteger sum = BigInteger.ZERO;
            long first = Long.MAX_VALUE;
            for (int i : idx) {
                sum = sum.add(b.sourceUnits.get(i));
                first = Math.min(first, g.height(b.sourceFlows.get(i)));
            }
            idx.sort(Comparator.comparing((Integer i) -> b.sourceUnits.get(i)).reversed().thenComparing(i -> i));
            List<TracePath> paths = new ArrayList<>();
            for (int i : idx.subList(0, Math.min(request.maxPaths(), idx.size()))) {
                paths.add(backwardPath(b, b.sourceFlows.get(i), b.sourceUnits.get(i), a));
            }
            double share = new BigDecimal(sum).divide(new BigDecimal(seeded), MathContext.DECIMAL64).doubleValue();
            flows.add(new EndpointFlow(address(e.getKey()), endpoints.endpoint(Chain.ETHEREUM, e.getKey()).orElseThrow(),
                    new Amount(a, sum), share, time(first), first, idx.size(), paths));
        }
        flows.sort(Comparator.comparing(EndpointFlow::amount).reversed().thenComparing(f -> f.address().value()));
        return flows;
    }

    /** From the target flow back to the source flow: each step the flow that asked the most of the next. */
    private TracePath backwardPath(AccountBackwardTrace b, int sourceFlow, BigInteger units, Asset a) {
        List<TracedOutput> steps = new ArrayList<>();
        steps.add(step(sourceFlow, g.to(sourceFlow), units, a));
        Set<Integer> seen = new HashSet<>();
        seen.add(sourceFlow);
        for (int cur = sourceFlow; !b.seedFlows.contains(cur); ) {
            Integer next = b.parent.get(cur);
            if (next == null || !seen.add(next)) {
                break;
            }
            steps.add(0, step(next, g.to(next), b.parentUnits(cur), a));
            cur = next;
        }
        return new TracePath(steps);
    }

    List<TraceReport> build() {
        List<TraceReport> out = new ArrayList<>();
        for (Map.Entry<Integer, AccountTotals> e : new TreeMap<>(t.totals()).entrySet()) {
            if (e.getValue().seeded.signum() > 0) {
                out.add(report(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private TraceReport report(int asset, AccountTotals b) {
        Asset a = store.assetById(asset).orElseThrow();
        List<EndpointFlow> flows = endpointFlows(asset, a, b.seeded);
        List<Map.Entry<HeldPool, BigInteger>> held = new ArrayList<>();
        int tainted = 0;
        for (Holder h : t.holders().values()) {
            boolean touched = false;
            for (Map.Entry<Integer, AccountPool> e : h.pools.entrySet()) {
                if (g.bookAsset(e.getKey()) == asset) {
                    touched = true;
                    if (e.getValue().taint().signum() > 0) {
                        held.add(Map.entry(new HeldPool(h, e.getKey()), e.getValue().taint()));
                    }
                }
            }
            tainted += touched ? 1 : 0;
        }
        held.sort(Comparator.comparing((Map.Entry<HeldPool, BigInteger> x) -> x.getValue()).reversed()
                .thenComparingInt(x -> x.getKey().holder().account).thenComparingInt(x -> x.getKey().asset()));
        List<TracedOutput> heldList = new ArrayList<>();
        for (Map.Entry<HeldPool, BigInteger> x : held.subList(0, Math.min(request.maxHeld(), held.size()))) {
            int f = x.getKey().holder().parent(x.getKey().asset());
            heldList.add(step(f, x.getKey().holder().account, x.getValue(), a));
        }
        return new TraceReport(TraceReport.Direction.FORWARD, request.model().name(), request.model().conserves(),
                amount(a, b.seeded), amount(a, b.endpoints), amount(a, b.held), amount(a, b.fees), amount(a, b.untraced),
                amount(a, BigInteger.ZERO), amount(a, b.overlap), flows, heldList, t.flowsApplied, tainted);
    }

    /** A tainted account's pool in one asset. */
    private record HeldPool(Holder holder, int asset) {
    }

    private List<EndpointFlow> endpointFlows(int asset, Asset a, BigInteger seeded) {
        Map<Integer, List<Integer>> byAccount = new LinkedHashMap<>();
        for (int i = 0; i < t.arrivalFlows.size(); i++) {
            int f = t.arrivalFlows.get(i);
            if (g.bookAsset(g.asset(f)) == asset) {
                byAccount.computeIfAbsent(g.to(f), k -> new ArrayList<>()).add(i);
            }
        }
        List<EndpointFlow> flows = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byAccount.entrySet()) {
            flows.add(flow(e.getKey(), e.getValue(), a, seeded));
        }
        flows.sort(Comparator.comparing(EndpointFlow::amount).reversed().thenComparing(f -> f.address().value()));
        return flows;
    }

    private EndpointFlow flow(int account, List<Integer> arrivals, Asset a, BigInteger seeded) {
        BigInteger sum = BigInteger.ZERO;
        long firstHeight = Long.MAX_VALUE;
        for (int i : arrivals) {
            sum = sum.add(t.arrivalTaints.get(i));
            firstHeight = Math.min(firstHeight, g.height(t.arrivalFlows.get(i)));
        }
        arrivals.sort(Comparator.comparing((Integer i) -> t.arrivalTaints.get(i)).reversed().thenComparing(i -> i));
        List<TracePath> paths = new ArrayList<>();
        for (int i : arrivals.subList(0, Math.min(request.maxPaths(), arrivals.size()))) {
            paths.add(path(t.arrivalFlows.get(i), t.arrivalTaints.get(i), a));
        }
        double share = new BigDecimal(sum).divide(new BigDecimal(seeded), MathContext.DECIMAL64).doubleValue();
        return new EndpointFlow(address(account), endpoints.endpoint(Chain.ETHEREUM, account).orElseThrow(),
                new Amount(a, sum), share, time(firstHeight), firstHeight, arrivals.size(), paths);
    }

    /**
     * The chain of parent flows from a seed to arrival {@code f}, seed first; a payment out of a
     * converter (WETH) continues with what was paid in for it.
     */
    private TracePath path(int f, BigInteger taint, Asset a) {
        List<TracedOutput> steps = new ArrayList<>();
        steps.add(step(f, g.to(f), taint, a));
        Set<Integer> seen = new HashSet<>();
        seen.add(f);
        int cur = f;
        while (!t.isSeedFlow(cur)) {
            int sender = g.from(cur);
            int partner = g.isConverter(sender) ? g.partner(cur) : AccountGraph.NONE;
            Holder h = t.holders().get(sender);
            int next = partner != AccountGraph.NONE ? partner : h == null ? AccountGraph.NONE : h.parent(g.asset(cur));
            if (next == AccountGraph.NONE || !seen.add(next)) {
                break;
            }
            BigInteger units = partner != AccountGraph.NONE ? steps.get(0).tainted().units()
                    : h.parentTaint.get(g.asset(cur));
            steps.add(0, step(next, g.to(next), units, a));
            cur = next;
        }
        return new TracePath(steps);
    }

    private TracedOutput step(int f, int account, BigInteger taint, Asset a) {
        if (f == AccountGraph.NONE) {
            throw new CordonException(ErrorCode.DATA, "a tainted account without the flow that tainted it");
        }
        Transfer tr = store.transfer(g.seq(f)).orElseThrow(() ->
                new CordonException(ErrorCode.DATA, "graph flow " + f + " is missing from the store"));
        return new TracedOutput(tr.txId(), tr.position(), Optional.of(address(account)), new Amount(a, taint),
                g.height(f), time(g.height(f)));
    }

    private Address address(int id) {
        return store.addressById(id).orElseThrow(() ->
                new CordonException(ErrorCode.DATA, "address id " + id + " is missing from the store"));
    }

    private Instant time(long height) {
        return Instant.ofEpochSecond(Math.max(0, g.blockTime(height)));
    }

    private static Amount amount(Asset a, BigInteger units) {
        return new Amount(a, units);
    }
}
