package dev.cordon.intel.trace;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.store.ChainStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Runs traces by name: resolves seeds (transaction ids, outpoints, addresses) against the
 * store, runs {@link ForwardTrace} or {@link BackwardTrace} on the graph and resolves the
 * result into a {@link TraceReport}. The graph must cover the seeds (extend it first). Safe
 * for concurrent traces as long as nobody extends the graph meanwhile.
 *
 * <pre>{@code
 * UtxoGraph graph = GraphBuilder.build(store, Chain.BITCOIN);
 * Tracer tracer = new Tracer(graph, store, endpoints);
 * TraceReport r = tracer.forward(TraceRequest.of(List.of(new TraceSeed.Tx(theftTxid)), new FifoTaint()));
 * }</pre>
 */
public final class Tracer {
    private final UtxoGraph graph;
    private final ChainStore store;
    private final EndpointResolver endpoints;

    public Tracer(UtxoGraph graph, ChainStore store, EndpointResolver endpoints) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.store = Objects.requireNonNull(store, "store");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /**
     * Follows the seeded value forward to endpoints, fees and unspent outputs.
     *
     * @throws CordonException with {@link ErrorCode#NOT_FOUND} when a seed is not in the graph,
     *                         {@link ErrorCode#USAGE} when the seeds select no value
     */
    public TraceReport forward(TraceRequest request) {
        long[][] seeds = resolve(request);
        FlowResult r = ForwardTrace.run(graph, request.model(), endpoints, toInts(seeds[0]), seeds[1], request.limits());
        return new ReportBuilder(graph, store, endpoints, request).build(TraceReport.Direction.FORWARD, r);
    }

    /**
     * Attributes the seeds' value to the labelled sources and coinbases it came from.
     *
     * @throws CordonException as {@link #forward}
     */
    public TraceReport backward(TraceRequest request) {
        long[][] seeds = resolve(request);
        FlowResult r = BackwardTrace.run(graph, request.model(), endpoints, toInts(seeds[0]), seeds[1], request.limits());
        return new ReportBuilder(graph, store, endpoints, request).build(TraceReport.Direction.BACKWARD, r);
    }

    /** The seed outputs in chain order, without repeats, and the amount to taint on each. */
    long[][] resolve(TraceRequest request) {
        List<Integer> outputs = new ArrayList<>();
        for (TraceSeed seed : request.seeds()) {
            addOutputs(seed, request, outputs);
        }
        int[] sorted = outputs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        long budget = request.amount().orElse(Long.MAX_VALUE);
        long[] outs = new long[sorted.length];
        long[] amounts = new long[sorted.length];
        int n = 0;
        for (int o : sorted) {
            long take = Math.min(budget, graph.value(o));
            if (take > 0) {
                outs[n] = o;
                amounts[n++] = take;
                budget -= take;
            }
        }
        if (n == 0) {
            throw new CordonException(ErrorCode.USAGE, "the seeds hold no value to trace");
        }
        return new long[][] {Arrays.copyOf(outs, n), Arrays.copyOf(amounts, n)};
    }

    private void addOutputs(TraceSeed seed, TraceRequest request, List<Integer> out) {
        long since = request.since().map(t -> t.getEpochSecond()).orElse(Long.MIN_VALUE);
        if (seed instanceof TraceSeed.Output o) {
            out.add(graph.output(txIndex(o.txid()), o.vout()));
        } else if (seed instanceof TraceSeed.Tx t) {
            int tx = txIndex(t.txid());
            for (int o = graph.firstOutput(tx); o < graph.endOutput(tx); o++) {
                out.add(o);
            }
        } else if (seed instanceof TraceSeed.Received a) {
            int id = addressIndex(a.address());
            for (int o = graph.lastOutputOf(id); o != UtxoGraph.UNSPENT; o = graph.previousOutputOfAddress(o)) {
                if (graph.blockTime(graph.height(graph.txOf(o))) >= since) {
                    out.add(o);
                }
            }
        }
    }

    private int txIndex(TxId txid) {
        OptionalLong n = store.txNum(graph.chain(), txid);
        if (n.isEmpty() || n.getAsLong() >= graph.txCount()) {
            throw new CordonException(ErrorCode.NOT_FOUND, "transaction " + txid + " is not in the "
                    + (n.isEmpty() ? "store" : "graph (extend it)"));
        }
        return (int) n.getAsLong();
    }

    private int addressIndex(Address address) {
        OptionalInt id = store.addressId(address);
        if (id.isEmpty() || graph.lastOutputOf(id.getAsInt()) == UtxoGraph.UNSPENT) {
            throw new CordonException(ErrorCode.NOT_FOUND, "address " + address + " received nothing in the graph");
        }
        return id.getAsInt();
    }

    private static int[] toInts(long[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (int) a[i];
        }
        return r;
    }
}
