package dev.cordon.bench.trace;

import dev.cordon.intel.graph.UtxoGraph;
import java.util.Objects;

/**
 * A generated spend graph and its planted theft.
 *
 * @param config     what was generated
 * @param graph      the graph; its flows are {@code outputCount + inputCount}
 * @param stolen     global output indices of the stolen coins, one per thief address, in order
 * @param theftTx    the victim transaction's id
 * @param theftValue satoshis on the stolen outputs
 */
public record FlowGraph(FlowGraphConfig config, UtxoGraph graph, int[] stolen, int theftTx, long theftValue) {
    public FlowGraph {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(graph, "graph");
        stolen = stolen.clone();
    }

    /** Inputs plus outputs. */
    public long flows() {
        return (long) graph.outputCount() + graph.inputCount();
    }

    @Override
    public int[] stolen() {
        return stolen.clone();
    }
}
