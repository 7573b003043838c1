package dev.cordon.cli.trace;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.CordonException;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.intel.crosschain.CrossChainHop;
import dev.cordon.intel.crosschain.CrossChainOutbound;
import dev.cordon.intel.crosschain.ThorchainDeposits;
import dev.cordon.intel.crosschain.ThorchainMemo;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceReport.EndpointFlow;
import dev.cordon.intel.trace.TraceReport.TracePath;
import dev.cordon.intel.trace.TraceReport.TracedOutput;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.store.ChainStore;
import dev.cordon.store.EthereumStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The THORChain swaps an Ethereum forward trace reached: for each endpoint, the router deposits
 * ({@link EthereumStore#bridgeDeposits(dev.cordon.core.TxId)}) of its largest tainted arrivals
 * (the {@code --paths} ones) in the report's asset, with the memo decoded
 * ({@link ThorchainMemo#parse}). A deposit counts for an endpoint when the endpoint is its router
 * or vault, or, for any deposit of the arrival's transaction, when the endpoint is labelled a
 * bridge (an aggregator calling the router). Swaps are given as {@link TraceSwaps.Swap}, so that
 * they print and serialise like the Bitcoin ones: {@code vault} is the endpoint, {@code inbound}
 * the Ethereum transaction and the deposit's log index.
 *
 * <p>A swap to Bitcoin is followed when the chain store holds its outbound: the Bitcoin
 * transaction whose OP_RETURN carries {@code OUT:<the Ethereum transaction hash>}
 * ({@link ThorchainDeposits#outbound}). The leg is a Bitcoin forward trace from the output
 * paying the recipient, seeded with {@code outbound * tainted / deposited} satoshis, the tainted
 * share of the deposit carried over as {@link SwapFollow} does for Bitcoin inbounds.
 */
final class EthSwaps {
    private EthSwaps() {
    }

    /**
     * One report's swaps.
     *
     * @param swaps    the decoded swap deposits, in endpoint order then arrival order
     * @param inbound  the deposited amount of each swap, base units of the report's asset
     * @param problems deposits whose memo is not a swap or is malformed, one line each
     */
    record Found(List<TraceSwaps.Swap> swaps, List<BigInteger> inbound, List<String> problems) {
        static final Found NONE = new Found(List.of(), List.of(), List.of());

        boolean toBitcoin() {
            return swaps.stream().anyMatch(s -> s.hop().destChain().equalsIgnoreCase("BTC"));
        }
    }

    /** The router deposits among the report's endpoint arrivals. */
    static Found of(TraceReport r, EthereumStore eth) {
        Address asset = r.seeded().asset().contract().orElse(BridgeDeposit.ETHER);
        List<TraceSwaps.Swap> swaps = new ArrayList<>();
        List<BigInteger> inbound = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (EndpointFlow f : r.endpoints()) {
            boolean bridge = f.endpoint().category() == Category.DEFI_BRIDGE;
            Set<String> seen = new HashSet<>();
            for (TracePath p : f.paths()) {
                TracedOutput last = p.steps().get(p.steps().size() - 1);
                if (!seen.add(last.txid().hex())) {
                    continue;
                }
                for (BridgeDeposit d : eth.bridgeDeposits(last.txid())) {
                    boolean mine = d.router().equals(f.address()) || d.vault().equals(f.address());
                    if ((mine || bridge) && d.asset().equals(asset)) {
                        hop(d, problems).ifPresent(h -> {
                            swaps.add(new TraceSwaps.Swap(f.address(), last, h));
                            inbound.add(d.amount());
                        });
                    }
                }
            }
        }
        return new Found(swaps, inbound, problems);
    }

    /** The deposit as a cross-chain hop, or empty (with a problem line) when its memo is not a swap. */
    private static Optional<CrossChainHop> hop(BridgeDeposit d, List<String> problems) {
        String at = "0x" + d.txId().hex() + " log " + d.logIndex();
        Optional<ThorchainMemo> memo;
        try {
            memo = ThorchainMemo.parse(d.memo());
        } catch (CordonException e) {
            problems.add(at + ": " + e.getMessage());
            return Optional.empty();
        }
        if (memo.isEmpty() || !(memo.get() instanceof ThorchainMemo.Swap s)) {
            problems.add(at + ": memo '" + shown(d.memo()) + "' is not a THORChain swap");
            return Optional.empty();
        }
        return Optional.of(new CrossChainHop("thorchain", d.txId(), d.logIndex(), d.vault().value(), s.chain(),
                s.asset(), s.destination(), d.memo()));
    }

    /** The memo as printable text: control characters as {@code ?}, at most 80 characters. */
    private static String shown(String memo) {
        String s = memo.length() > 80 ? memo.substring(0, 80) + "..." : memo;
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    /** The swaps with their Bitcoin outbounds attached where the store holds them. */
    static Found withOutbounds(Found found, ThorchainDeposits bitcoin) {
        List<TraceSwaps.Swap> out = new ArrayList<>();
        for (TraceSwaps.Swap s : found.swaps()) {
            Optional<CrossChainOutbound> o = s.hop().destChain().equalsIgnoreCase("BTC")
                    ? bitcoin.outbound(s.hop().inbound().hex()) : Optional.empty();
            out.add(o.map(x -> new TraceSwaps.Swap(s.vault(), s.arrival(), s.hop().withOutbound(x))).orElse(s));
        }
        return new Found(out, found.inbound(), found.problems());
    }

    /**
     * Follows each swap (at most {@link SwapFollow#MAX_SWAPS}) to Bitcoin.
     *
     * @param template the Bitcoin request the legs take their model, limits and paths from
     */
    static List<SwapFollow.Leg> follow(Found found, TraceRequest template, ChainStore store, UtxoGraph graph,
                                       EndpointResolver endpoints) {
        List<SwapFollow.Leg> legs = new ArrayList<>();
        for (int i = 0; i < Math.min(SwapFollow.MAX_SWAPS, found.swaps().size()); i++) {
            TraceSwaps.Swap s = found.swaps().get(i);
            BigInteger deposited = found.inbound().get(i);
            BigInteger tainted = s.arrival().tainted().units().min(deposited);
            double share = deposited.signum() == 0 ? 0 : tainted.doubleValue() / deposited.doubleValue();
            String chain = s.hop().destChain().toUpperCase(Locale.ROOT);
            if (!chain.equals("BTC")) {
                legs.add(new SwapFollow.Leg(s, chain, Optional.empty(), share, List.of(), "not followed: only swaps to"
                        + " Bitcoin are followed from Ethereum"));
            } else if (s.hop().outbound().isEmpty()) {
                legs.add(new SwapFollow.Leg(s, chain, Optional.empty(), share, List.of(),
                        "the outbound payment is not in the store yet"));
            } else {
                CrossChainOutbound out = s.hop().outbound().get();
                long seed = deposited.signum() == 0 ? 0 : BigInteger.valueOf(out.value()).multiply(tainted)
                        .divide(deposited).longValueExact();
                legs.add(SwapFollow.bitcoinFrom(s, out, seed, share, template, store, graph, endpoints));
            }
        }
        return legs;
    }
}
