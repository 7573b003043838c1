package dev.cordon.bench.trace;

import java.util.Map;

/**
 * The poison reachability query of the trace benchmark, as one engine answers it: which
 * addresses receive any value from the seed outputs within {@code hops} transactions, following
 * spends forward in time only. Hop 1 is the transaction spending a seed output; the outputs of
 * every transaction at hop 1 .. {@code hops} count as received (with value above 0), the seed
 * outputs themselves do not. Implementations: {@link CordonReach}, {@link DuckDbReach},
 * {@link Neo4jReach}; one contract test checks all three against a plain breadth-first search.
 */
public interface ReachQuery extends AutoCloseable {
    /** The engine's name in reports ({@code duckdb}). */
    String name();

    /**
     * Loads the graph into the engine (for the peers: the same outputs and spends, with their
     * heights). Called once, before any {@link #reach}.
     */
    void load(FlowGraph graph);

    /**
     * Runs the query.
     *
     * @param seedOutputs global output indices of the graph
     * @param hops        at least 1
     */
    ReachAnswer reach(int[] seedOutputs, int hops);

    /** Seconds the last {@link #load} spent in each of its phases, in order; empty when it has none. */
    default Map<String, Double> loadPhases() {
        return Map.of();
    }

    /** Frees the engine's memory and files. */
    @Override
    void close();
}
