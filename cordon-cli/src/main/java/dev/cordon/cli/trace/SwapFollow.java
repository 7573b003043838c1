package dev.cordon.cli.trace;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.Transfer;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.intel.account.AccountGraph;
import dev.cordon.intel.crosschain.CrossChainOutbound;
import dev.cordon.intel.account.AccountTraceRequest;
import dev.cordon.intel.account.AccountTracer;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TraceLimits;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.intel.trace.Tracer;
import dev.cordon.store.ChainStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Follows a forward trace through the THORChain swaps it reached: each swap's payment out is
 * traced on in turn, on Bitcoin from the outbound output that carries {@code OUT:<inbound>}, on
 * Ethereum from the first payment to the memo's destination address in the memo's asset within
 * {@link #WINDOW_SECONDS} after the inbound (the router's {@code OUT:} memo is not in the chain
 * store, so the destination address and asset identify it). The tainted share of the inbound
 * carries over: the next leg is seeded with {@code outbound * tainted / inbound} base units, the
 * first units of the payment. Each leg is a trace of its own with the same model and limits.
 */
final class SwapFollow {
    /** Swaps followed at most, largest tainted arrivals first as the report lists them. */
    static final int MAX_SWAPS = 20;
    /** How long after the inbound an Ethereum payment to the destination counts as its outbound. */
    static final long WINDOW_SECONDS = 3 * 24 * 3600L;

    /**
     * One swap followed.
     *
     * @param seed    where the leg starts ({@code txid:vout}, or {@code 0xhash:position}), empty when
     *                the payment out was not found
     * @param share   the tainted fraction of the inbound carried over
     * @param reports the leg's trace, one report per asset; empty when not found
     */
    record Leg(TraceSwaps.Swap swap, String chain, Optional<String> seed, double share, List<TraceReport> reports,
               String note) {
    }

    private SwapFollow() {
    }

    static List<Leg> follow(List<TraceSwaps.Swap> swaps, TraceRequest request, ChainStore store, UtxoGraph graph,
                            EndpointResolver endpoints, Path dataDir) {
        List<Leg> legs = new ArrayList<>();
        AccountGraph[] accounts = {null};
        Supplier<AccountGraph> accountGraph = () -> accounts[0] != null ? accounts[0]
                : (accounts[0] = AccountTraceRun.graph(dataDir, store));
        for (TraceSwaps.Swap s : swaps.subList(0, Math.min(MAX_SWAPS, swaps.size()))) {
            int in = graph.output((int) store.txNum(Chain.BITCOIN, s.hop().inbound()).orElseThrow(), s.hop().vout());
            long inbound = graph.value(in);
            long tainted = s.arrival().tainted().units().longValueExact();
            double share = inbound == 0 ? 0 : (double) tainted / inbound;
            String chain = s.hop().destChain().toUpperCase(Locale.ROOT);
            if (chain.equals("BTC")) {
                legs.add(bitcoin(s, request, store, graph, endpoints, inbound, tainted, share));
            } else if (chain.equals("ETH")) {
                legs.add(ethereum(s, request, store, dataDir, accountGraph, graph.blockTime((int) s.arrival().height()),
                        inbound, tainted));
            } else {
                legs.add(new Leg(s, chain, Optional.empty(), share, List.of(), "not followed: cordon holds no "
                        + s.hop().destChain() + " chain"));
            }
        }
        return legs;
    }

    private static Leg bitcoin(TraceSwaps.Swap s, TraceRequest request, ChainStore store, UtxoGraph graph,
                               EndpointResolver endpoints, long inbound, long tainted, double share) {
        if (s.hop().outbound().isEmpty()) {
            return new Leg(s, "BTC", Optional.empty(), share, List.of(), "the outbound payment is not in the store yet");
        }
        CrossChainOutbound out = s.hop().outbound().get();
        long seed = BigInteger.valueOf(out.value()).multiply(BigInteger.valueOf(tainted))
                .divide(BigInteger.valueOf(Math.max(1, inbound))).longValueExact();
        return bitcoinFrom(s, out, seed, share, request, store, graph, endpoints);
    }

    /**
     * The Bitcoin leg from the outbound's output paying the recipient, seeded with {@code seed}
     * satoshis; the model, limits and paths come from {@code request}.
     */
    static Leg bitcoinFrom(TraceSwaps.Swap s, CrossChainOutbound out, long seed, double share, TraceRequest request,
                           ChainStore store, UtxoGraph graph, EndpointResolver endpoints) {
        String at = out.txid().hex() + ":" + out.vout();
        if (out.vout() < 0) {
            return new Leg(s, "BTC", Optional.of(at), share, List.of(), "the outbound pays no recipient");
        }
        if (seed == 0) {
            return new Leg(s, "BTC", Optional.of(at), share, List.of(), "no tainted value carried over");
        }
        TraceRequest leg = new TraceRequest(List.of(new TraceSeed.Output(out.txid(), out.vout())), request.model(),
                OptionalLong.of(seed), Optional.empty(), request.limits(), request.maxPaths(), request.maxHeld());
        TraceReport r = new Tracer(graph, store, endpoints).forward(leg);
        return new Leg(s, "BTC", Optional.of(at), share, List.of(r), "");
    }

    /**
     * The Ethereum leg of a swap whose inbound (of {@code inbound} units, {@code tainted} of them
     * tainted) arrived at time {@code since}; the account graph is loaded once for all legs.
     */
    static Leg ethereum(TraceSwaps.Swap s, TraceRequest request, ChainStore store, Path dataDir,
                        Supplier<AccountGraph> accountGraph, long since, long inbound, long tainted) {
        double share = inbound == 0 ? 0 : (double) tainted / inbound;
        Address dest;
        try {
            dest = EthAddresses.parse(s.hop().destAddress());
        } catch (CordonException e) {
            return new Leg(s, "ETH", Optional.empty(), share, List.of(), "destination is not an Ethereum address");
        }
        AccountGraph g = accountGraph.get();
        Optional<Transfer> pay = payment(g, store, dest, tokenOf(s.hop().destAsset()), since);
        if (pay.isEmpty()) {
            return new Leg(s, "ETH", Optional.empty(), share, List.of(),
                    "no payment to the destination found in the Ethereum store within 3 days");
        }
        Transfer t = pay.get();
        BigInteger units = t.amount().units().multiply(BigInteger.valueOf(tainted)).divide(BigInteger.valueOf(Math.max(1, inbound)));
        String at = "0x" + t.txId().hex() + ":" + t.position();
        if (units.signum() == 0) {
            return new Leg(s, "ETH", Optional.of(at), share, List.of(), "no tainted value carried over");
        }
        Asset a = t.amount().asset();
        TraceLimits l = request.limits();
        AccountTraceRequest leg = AccountTraceRequest.of(List.of(new TraceSeed.Output(t.txId(), t.position())),
                        request.model()).withAmount(new BigDecimal(units).movePointLeft(a.decimals()))
                .withLimits(l.maxHops(), Optional.empty(), Long.MAX_VALUE).withMaxPaths(request.maxPaths());
        EndpointResolver ethEnds = StoreEndpoints.resolve(dataDir, store, Chain.ETHEREUM, Map.of(), false);
        return new Leg(s, "ETH", Optional.of(at), share, new AccountTracer(g, store.ethereum(), ethEnds).forward(leg), "");
    }

    /** The token contract of a THORChain asset ({@code ETH.USDT-0XDAC1...}), or empty for ETH itself. */
    static Optional<Address> tokenOf(String asset) {
        int dash = asset.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(EthAddresses.parse(asset.substring(dash + 1)));
        } catch (CordonException e) {
            return Optional.empty();
        }
    }

    /** The first payment to {@code dest} in the asset at or after {@code since}, within the window. */
    private static Optional<Transfer> payment(AccountGraph g, ChainStore store, Address dest, Optional<Address> token,
                                              long since) {
        int id = store.ethereum().address(dest, 0).map(i -> i.addressId()).orElse(-1);
        for (int f = id < 0 ? AccountGraph.NONE : g.firstFlowOf(id); f != AccountGraph.NONE; f = g.nextFlowOf(id, f)) {
            long time = g.blockTime(g.height(f));
            if (g.to(f) != id || g.from(f) == id || g.isFee(f) || time < since) {
                continue;
            }
            if (time > since + WINDOW_SECONDS) {
                break;
            }
            Asset a = store.ethereum().assetById(g.asset(f)).orElseThrow();
            if (a.contract().equals(token)) {
                return store.ethereum().transfer(g.seq(f));
            }
        }
        return Optional.empty();
    }

    static List<Object> json(List<Leg> legs) {
        List<Object> out = new ArrayList<>();
        for (Leg l : legs) {
            Map<String, Object> m = dev.cordon.cli.Json.object();
            m.put("inbound", l.swap().hop().inbound().hex() + ":" + l.swap().hop().vout());
            m.put("destChain", l.swap().hop().destChain());
            m.put("destAddress", l.swap().hop().destAddress());
            m.put("share", l.share());
            m.put("seed", l.seed().orElse(null));
            m.put("note", l.note().isEmpty() ? null : l.note());
            List<Object> reports = new ArrayList<>();
            for (TraceReport r : l.reports()) {
                Map<String, Object> j = TraceOutput.json(r);
                j.put("asset", r.seeded().asset().symbol());
                reports.add(j);
            }
            m.put("reports", reports);
            out.add(m);
        }
        return out;
    }

    static void print(java.io.PrintStream out, List<Leg> legs) {
        for (Leg l : legs) {
            out.println();
            out.println("== through THORChain swap " + l.swap().hop().inbound().hex() + ":" + l.swap().hop().vout() + " to "
                    + l.swap().destination() + String.format(Locale.ROOT, " (%.2f%% of the inbound tainted)", 100 * l.share())
                    + l.seed().map(x -> ", continued from " + x).orElse("") + " ==");
            if (!l.note().isEmpty()) {
                out.println(l.note());
            }
            for (TraceReport r : l.reports()) {
                if (l.reports().size() > 1) {
                    out.println("-- " + r.seeded().asset().symbol() + " --");
                }
                TraceOutput.print(out, r);
            }
        }
    }
}
