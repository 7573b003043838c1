package dev.cordon.bench.trace;

import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.FlowResult;
import dev.cordon.intel.trace.ForwardTrace;
import dev.cordon.intel.trace.PoisonTaint;
import dev.cordon.intel.trace.TaintBook;
import dev.cordon.intel.trace.TraceLimits;

/**
 * The reachability query on cordon's own engine: a {@link ForwardTrace} with {@link PoisonTaint},
 * no endpoints and the hop limit, then the addresses of the tainted outputs past the seeds.
 */
public final class CordonReach implements ReachQuery {
    private static final PoisonTaint POISON = new PoisonTaint();
    private UtxoGraph graph;

    @Override
    public String name() {
        return "cordon";
    }

    @Override
    public void load(FlowGraph flows) {
        this.graph = flows.graph();
    }

    @Override
    public ReachAnswer reach(int[] seedOutputs, int hops) {
        long[] amounts = new long[seedOutputs.length];
        for (int i = 0; i < seedOutputs.length; i++) {
            amounts[i] = graph.value(seedOutputs[i]);
        }
        FlowResult r = ForwardTrace.run(graph, POISON, EndpointResolver.none(), seedOutputs, amounts,
                new TraceLimits(hops, 0, Long.MAX_VALUE));
        return answer(graph, r.book());
    }

    /** The receiving addresses of a trace's tainted outputs, seeds (hop 0) excepted. */
    static ReachAnswer answer(UtxoGraph g, TaintBook book) {
        long[] receipts = new long[book.size()];
        int n = 0;
        for (int s = 0, e = book.size(); s < e; s++) {
            int o = book.outputAt(s);
            if (book.hopAt(s) >= 1 && g.address(o) >= 0) {
                receipts[n++] = ReachAnswer.receipt(g.address(o), g.height(g.txOf(o)));
            }
        }
        return ReachAnswer.fromReceipts(receipts, n);
    }

    @Override
    public void close() {
        graph = null;
    }
}
