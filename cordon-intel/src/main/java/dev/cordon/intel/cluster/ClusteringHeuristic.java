package dev.cordon.intel.cluster;

/**
 * A rule that links addresses controlled by one entity. Implementations:
 * {@link MultiInputHeuristic} (Bitcoin: inputs of one transaction) and
 * {@link DepositAddressHeuristic} (Ethereum: exchange deposit addresses and their funders).
 * Each is fed in chain order, one transaction or transfer at a time, and merges through
 * {@link EntityClusters#union}, which refuses merges of two differently labelled services.
 *
 * @param <T> what it reads: {@link TxInputs} or {@link Transfer}
 */
public interface ClusteringHeuristic<T> {
    /** Applies the rule to one transaction or transfer. Not thread-safe. */
    void apply(T input, EntityClusters clusters);

    /** Counters since creation, for logs and benchmarks. */
    HeuristicStats stats();
}
