package dev.cordon.intel.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.internal.IntHeap;
import java.util.Arrays;
import java.util.Objects;

/**
 * Follows tainted value forward from seed outputs until it reaches an endpoint, stays unspent,
 * goes to fees or passes a limit.
 *
 * <p>Design notes. Transactions are visited in increasing id, which is chain order, through a
 * primitive min-heap: when a transaction is taken, every earlier transaction that could taint
 * its inputs has been taken, so each transaction is spread exactly once with all its taint
 * known, and taint can only move forward in time. The taint itself lives in a
 * {@link TaintBook} keyed by output index, so memory grows with the tainted part of the graph,
 * not with the graph. Each tainted output ends in exactly one bucket (endpoint, held,
 * untraced, or followed), which is what makes the books balance to the base unit. Hops count
 * transactions from the seed along the shortest tainted chain; an output's parent is the
 * tainted input that gave its transaction the most taint, which yields one widest-first path
 * per output for reports. Running time O((t + e) log t) for t tainted transactions and e
 * their inputs, outputs and ranges; memory O(tainted outputs + ranges).
 */
public final class ForwardTrace {
    private final UtxoGraph g;
    private final TaintModel model;
    private final EndpointResolver endpoints;
    private final TraceLimits limits;
    private final FlowResult r = new FlowResult();
    private final IntHeap queue = new IntHeap();
    private final Scratch scratch = new Scratch();
    private int[] seeds = new int[0];

    private ForwardTrace(UtxoGraph g, TaintModel model, EndpointResolver endpoints, TraceLimits limits) {
        this.g = Objects.requireNonNull(g, "graph");
        this.model = Objects.requireNonNull(model, "model");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Runs a forward trace.
     *
     * @param seedOutputs global output indices, each at most once
     * @param seedAmounts taint per seed, each in {@code 1 .. value}
     * @throws CordonException with {@link ErrorCode#USAGE} for bad seeds
     */
    public static FlowResult run(UtxoGraph g, TaintModel model, EndpointResolver endpoints, int[] seedOutputs,
                                 long[] seedAmounts, TraceLimits limits) {
        ForwardTrace t = new ForwardTrace(g, model, endpoints, limits);
        t.seed(seedOutputs, seedAmounts);
        t.drain();
        return t.r;
    }

    /**
     * Visits queued transactions in chain order and routes each seed once the transactions
     * before it (and the one creating it, which may add taint to it) have been visited.
     */
    private void drain() {
        int next = 0;
        int nextSeedTx = seeds.length > 0 ? g.txOf(seeds[0]) : Integer.MAX_VALUE;
        while (!queue.isEmpty() || next < seeds.length) {
            if (nextSeedTx < queue.peek()) {
                route(seeds[next], r.book.slot(seeds[next]), true);
                next++;
                nextSeedTx = next < seeds.length ? g.txOf(seeds[next]) : Integer.MAX_VALUE;
            } else {
                visit(queue.pop());
            }
        }
    }

    private void seed(int[] outputs, long[] amounts) {
        seeds = r.seed(g, model, outputs, amounts, "seed");
    }

    private void visit(int tx) {
        r.txsVisited++;
        int hop = Integer.MAX_VALUE;
        int parent = -1;
        long best = -1;
        for (int i = g.firstInput(tx), e = g.endInput(tx); i < e; i++) {
            int o = g.spentOutput(i);
            int s = r.book.liveSlot(o);
            if (s >= 0) {
                hop = Math.min(hop, r.book.hopAt(s) + 1);
                if (r.book.amountAt(s) > best) {
                    best = r.book.amountAt(s);
                    parent = o;
                }
            }
        }
        r.fees += model.spread(g, tx, r.book, scratch);
        for (int o = g.firstOutput(tx), e = g.endOutput(tx); o < e; o++) {
            int s = r.book.slot(o);
            if (s >= 0 && r.book.amountAt(s) > 0 && Arrays.binarySearch(seeds, o) < 0) {
                r.book.setHop(s, hop, parent);
                route(o, s, false);
            }
        }
    }

    /** Puts a tainted output in exactly one bucket, or queues its spender. */
    private void route(int o, int s, boolean isSeed) {
        long amount = r.book.amountAt(s);
        int address = g.address(o);
        if (!isSeed && address >= 0 && endpoints.endpoint(g.chain(), address).isPresent()) {
            r.stopAtEndpoint(o, s);
            return;
        }
        int spender = g.spender(o);
        if (spender == UtxoGraph.UNSPENT || g.height(spender) > limits.untilHeight()) {
            r.held += amount;
            r.heldOutputs.add(o);
            r.book.stop(s);
            return;
        }
        if (r.book.hopAt(s) >= limits.maxHops() || amount < limits.minValue()) {
            r.stopUntraced(o, s);
            return;
        }
        queue.push(spender);
    }
}
