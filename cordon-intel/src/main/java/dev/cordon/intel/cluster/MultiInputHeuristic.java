package dev.cordon.intel.cluster;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bitcoin's common-input-ownership rule: the inputs of one transaction were signed by one entity
 * (Nakamoto 2008, section 10; Meiklejohn et al., "A Fistful of Bitcoins", IMC 2013). Every input
 * address is merged with the first one. Transactions with fewer than two addressed inputs teach
 * nothing; CoinJoins ({@link CoinJoinDetector}) are skipped because their inputs belong to
 * different people. Merges of two differently labelled services are refused by
 * {@link EntityClusters} and counted.
 *
 * <p>Runs in O(inputs · α(n)) per transaction with no allocation. Not thread-safe.
 */
public final class MultiInputHeuristic implements ClusteringHeuristic<TxInputs> {
    private final CoinJoinDetector coinJoins = new CoinJoinDetector();
    private final long[] skippedByKind = new long[CoinJoinDetector.Kind.values().length];
    private long seen;
    private long linked;
    private long refused;
    private long singleInput;

    @Override
    public void apply(TxInputs tx, EntityClusters clusters) {
        seen++;
        int n = tx.inputCount();
        int first = -1;
        int addressed = 0;
        for (int i = 0; i < n; i++) {
            int a = tx.inputAddress(i);
            if (a >= 0) {
                addressed++;
                if (first < 0) {
                    first = a;
                }
            }
        }
        if (addressed < 2) {
            singleInput++;
            return;
        }
        CoinJoinDetector.Kind kind = coinJoins.detect(tx);
        if (kind != CoinJoinDetector.Kind.NONE) {
            skippedByKind[kind.ordinal()]++;
            return;
        }
        for (int i = 0; i < n; i++) {
            int a = tx.inputAddress(i);
            if (a < 0 || a == first) {
                continue;
            }
            int before = clusters.clusterCount();
            if (!clusters.union(first, a, "multi-input")) {
                refused++;
            } else if (clusters.clusterCount() < before) {
                linked++;
            }
        }
    }

    @Override
    public HeuristicStats stats() {
        Map<String, Long> skipped = new TreeMap<>();
        skipped.put("single-input", singleInput);
        for (CoinJoinDetector.Kind k : CoinJoinDetector.Kind.values()) {
            if (k != CoinJoinDetector.Kind.NONE) {
                skipped.put("coinjoin:" + k.name().toLowerCase(Locale.ROOT), skippedByKind[k.ordinal()]);
            }
        }
        return new HeuristicStats(seen, linked, refused, skipped);
    }
}
