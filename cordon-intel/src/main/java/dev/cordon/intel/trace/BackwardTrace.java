package dev.cordon.intel.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.internal.IntHeap;
import java.util.Arrays;
import java.util.Objects;

/**
 * Source of funds: attributes the value of target outputs to the outputs it was paid from,
 * back through the graph, until it reaches a labelled source, a coinbase or a limit.
 *
 * <p>Design notes. The mirror of {@link ForwardTrace}: transactions are visited in decreasing
 * id through a min-heap of {@code MAX - id}, so a transaction is gathered once, after every
 * later transaction that could attribute value to its outputs. The model's
 * {@link TaintModel#gather} moves an output's attributed value onto the outputs its
 * transaction spent; each output is spent once, so apart from targets that feed other targets
 * (counted in the overlap) no output is attributed twice. Each attributed output ends in one
 * bucket: labelled source (reported as endpoints), coinbase (mined), or untraced at the hop
 * limit or below the minimum value. Running time O((t + e) log t) for t transactions reached
 * and e their inputs, outputs and ranges.
 */
public final class BackwardTrace {
    private final UtxoGraph g;
    private final TaintModel model;
    private final EndpointResolver sources;
    private final TraceLimits limits;
    private final FlowResult r = new FlowResult();
    private final IntHeap queue = new IntHeap();
    private final Scratch scratch = new Scratch();
    private int[] targets = new int[0];

    private BackwardTrace(UtxoGraph g, TaintModel model, EndpointResolver sources, TraceLimits limits) {
        this.g = Objects.requireNonNull(g, "graph");
        this.model = Objects.requireNonNull(model, "model");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Runs a backward trace.
     *
     * @param targetOutputs global output indices, each at most once
     * @param amounts       value to attribute per target, each in {@code 1 .. value}
     * @throws CordonException with {@link ErrorCode#USAGE} for bad targets
     */
    public static FlowResult run(UtxoGraph g, TaintModel model, EndpointResolver sources, int[] targetOutputs,
                                 long[] amounts, TraceLimits limits) {
        BackwardTrace t = new BackwardTrace(g, model, sources, limits);
        t.target(targetOutputs, amounts);
        t.drain();
        return t.r;
    }

    private void target(int[] outputs, long[] amounts) {
        targets = r.seed(g, model, outputs, amounts, "target");
    }

    /** Visits transactions newest first; a target is routed once every later transaction is done. */
    private void drain() {
        int next = targets.length - 1;
        while (!queue.isEmpty() || next >= 0) {
            int queuedTx = queue.isEmpty() ? -1 : Integer.MAX_VALUE - queue.peek();
            int targetTx = next >= 0 ? g.txOf(targets[next]) : -1;
            if (targetTx >= queuedTx) {
                route(targets[next], r.book.slot(targets[next]), true);
                next--;
            } else {
                visit(Integer.MAX_VALUE - queue.pop());
            }
        }
    }

    private void visit(int tx) {
        r.txsVisited++;
        int hop = Integer.MAX_VALUE;
        int parent = -1;
        long best = -1;
        for (int o = g.firstOutput(tx), e = g.endOutput(tx); o < e; o++) {
            int s = r.book.liveSlot(o);
            if (s >= 0) {
                hop = Math.min(hop, r.book.hopAt(s) + 1);
                if (r.book.amountAt(s) > best) {
                    best = r.book.amountAt(s);
                    parent = o;
                }
            }
        }
        model.gather(g, tx, r.book, scratch);
        for (int i = g.firstInput(tx), e = g.endInput(tx); i < e; i++) {
            int o = g.spentOutput(i);
            int s = r.book.slot(o);
            if (s >= 0 && r.book.amountAt(s) > 0 && Arrays.binarySearch(targets, o) < 0) {
                r.book.setHop(s, hop, parent);
                route(o, s, false);
            }
        }
    }

    private void route(int o, int s, boolean isTarget) {
        long amount = r.book.amountAt(s);
        int address = g.address(o);
        if (!isTarget && address >= 0 && sources.endpoint(g.chain(), address).isPresent()) {
            r.stopAtEndpoint(o, s);
            return;
        }
        int tx = g.txOf(o);
        if (g.isCoinbase(tx)) {
            r.mined += amount;
            r.heldOutputs.add(o);
            r.book.stop(s);
            return;
        }
        if (r.book.hopAt(s) >= limits.maxHops() || amount < limits.minValue()) {
            r.stopUntraced(o, s);
            return;
        }
        queue.push(Integer.MAX_VALUE - tx);
    }
}
