package dev.cordon.intel.account;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Transfer;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.store.EthAddressInfo;
import dev.cordon.store.EthTxInfo;
import dev.cordon.store.EthereumStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Runs traces on an account chain (Ethereum): resolves seeds (transaction hashes, a transaction's
 * flow by position, addresses) against the store and the graph, follows the value forward with the
 * request's model acting on account balances per asset, and resolves the result into one
 * {@link TraceReport} per seeded asset (native ETH first, then tokens by their first appearance in
 * the store). The graph must cover the seeds (see {@link AccountGraphBuilder#current}).
 *
 * <pre>{@code
 * AccountGraph graph = AccountGraphBuilder.build(store.ethereum());
 * List<TraceReport> r = new AccountTracer(graph, store.ethereum(), endpoints)
 *         .forward(AccountTraceRequest.of(List.of(new TraceSeed.Tx(theft)), new FifoTaint()));
 * }</pre>
 */
public final class AccountTracer {
    private final AccountGraph graph;
    private final EthereumStore store;
    private final EndpointResolver endpoints;

    public AccountTracer(AccountGraph graph, EthereumStore store, EndpointResolver endpoints) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.store = Objects.requireNonNull(store, "store");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /**
     * Follows the seeded value forward to endpoints, fees and the accounts still holding it.
     *
     * @throws CordonException with {@link ErrorCode#NOT_FOUND} when a seed is not in the graph,
     *                         {@link ErrorCode#USAGE} when the seeds select no value
     */
    public List<TraceReport> forward(AccountTraceRequest request) {
        Seeds seeds = seeds(request);
        AccountForwardTrace t = AccountForwardTrace.run(graph, request.model(), endpoints, seeds.flows, seeds.units,
                limits(request, seeds));
        return new AccountReports(graph, store, endpoints, request, t).build();
    }

    /**
     * Attributes the seeds' value to the labelled sources it came from, and to value of unknown
     * origin (reported as mined), with the model's rule for reading a balance backward.
     *
     * @throws CordonException as {@link #forward}
     */
    public List<TraceReport> backward(AccountTraceRequest request) {
        Seeds seeds = seeds(request);
        Map<Integer, BigInteger> targets = new java.util.LinkedHashMap<>();
        java.util.Set<Integer> accounts = new java.util.HashSet<>();
        for (int i = 0; i < seeds.flows.length; i++) {
            targets.put(seeds.flows[i], seeds.units[i]);
        }
        for (TraceSeed s : request.seeds()) {
            if (s instanceof TraceSeed.Received r) {
                accounts.add(accountId(r.address()));
            }
        }
        AccountBackwardTrace b = AccountBackwardTrace.run(graph, request.model(), endpoints, targets, accounts,
                limits(request, seeds));
        return new AccountReports(graph, store, endpoints, request, null).backward(b);
    }

    /** Seed flows in chain order and the units taken of each (all of it, or up to the amount per asset). */
    private record Seeds(int[] flows, BigInteger[] units) {
    }

    private Seeds seeds(AccountTraceRequest request) {
        TreeSet<Integer> flows = new TreeSet<>();
        for (TraceSeed s : request.seeds()) {
            addFlows(s, request, flows);
        }
        Map<Integer, BigInteger> budget = new HashMap<>();
        int[] seedFlows = new int[flows.size()];
        BigInteger[] seedTaints = new BigInteger[flows.size()];
        int n = 0;
        for (int f : flows) {
            int asset = graph.asset(f);
            BigInteger left = budget.computeIfAbsent(asset, a -> units(request.amount().orElse(null), a));
            BigInteger take = left == null ? graph.amount(f) : left.min(graph.amount(f));
            if (take.signum() > 0) {
                seedFlows[n] = f;
                seedTaints[n++] = take;
                if (left != null) {
                    budget.put(asset, left.subtract(take));
                }
            }
        }
        if (n == 0) {
            throw new CordonException(ErrorCode.USAGE, "the seeds moved no value to trace");
        }
        return new Seeds(java.util.Arrays.copyOf(seedFlows, n), java.util.Arrays.copyOf(seedTaints, n));
    }

    private AccountLimits limits(AccountTraceRequest request, Seeds seeds) {
        Map<Integer, BigInteger> min = new HashMap<>();
        request.minValue().ifPresent(v -> {
            for (int f : seeds.flows) {
                min.put(graph.asset(f), units(v, graph.asset(f)));
            }
        });
        return new AccountLimits(request.maxHops(), min, request.untilHeight());
    }

    private void addFlows(TraceSeed seed, AccountTraceRequest request, TreeSet<Integer> out) {
        long since = request.since().map(i -> i.getEpochSecond()).orElse(Long.MIN_VALUE);
        List<Integer> found = new ArrayList<>();
        if (seed instanceof TraceSeed.Tx t) {
            int[] range = txFlows(t.txid());
            for (int f = range[0]; f < range[1]; f++) {
                if (!graph.isFee(f)) {
                    found.add(f);
                }
            }
        } else if (seed instanceof TraceSeed.Output o) {
            found.add(flowAt(o));
        } else if (seed instanceof TraceSeed.Received r) {
            int id = accountId(r.address());
            for (int f = graph.firstFlowOf(id); f != AccountGraph.NONE; f = graph.nextFlowOf(id, f)) {
                if (graph.to(f) == id && graph.from(f) != id && !graph.isFee(f)) {
                    found.add(f);
                }
            }
        }
        for (int f : found) {
            if (graph.blockTime(graph.height(f)) >= since && graph.amount(f).signum() > 0) {
                out.add(f);
            }
        }
    }

    private int[] txFlows(dev.cordon.core.TxId txid) {
        EthTxInfo tx = store.tx(txid).orElseThrow(() ->
                new CordonException(ErrorCode.NOT_FOUND, "transaction " + txid + " is not in the store"));
        int[] range = graph.flowsOfTx(tx.height(), tx.index());
        if (range[0] == range[1]) {
            throw new CordonException(ErrorCode.NOT_FOUND, "transaction " + txid + " moved no value in the graph"
                    + (tx.height() > graph.lastHeight() ? " (extend it)" : ""));
        }
        return range;
    }

    private int flowAt(TraceSeed.Output o) {
        int[] range = txFlows(o.txid());
        for (int f = range[0]; f < range[1]; f++) {
            Transfer t = store.transfer(graph.seq(f)).orElseThrow();
            if (t.position() == o.vout()) {
                return f;
            }
        }
        throw new CordonException(ErrorCode.NOT_FOUND, "transaction " + o.txid() + " has no value flow at position "
                + o.vout());
    }

    private int accountId(Address address) {
        int id = store.address(address, 0).map(EthAddressInfo::addressId).orElse(-1);
        if (id < 0 || graph.firstFlowOf(id) == AccountGraph.NONE) {
            throw new CordonException(ErrorCode.NOT_FOUND, "address " + address + " moved nothing in the graph");
        }
        return id;
    }

    /** Whole units of an asset in base units; null stays null (no budget). */
    private BigInteger units(BigDecimal whole, int assetId) {
        if (whole == null) {
            return null;
        }
        Asset a = store.assetById(assetId).orElseThrow();
        return whole.movePointRight(a.decimals()).setScale(0, java.math.RoundingMode.DOWN).toBigIntegerExact();
    }
}
