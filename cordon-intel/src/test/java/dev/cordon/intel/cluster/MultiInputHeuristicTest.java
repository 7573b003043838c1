package dev.cordon.intel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiInputHeuristicTest extends ClusteringHeuristicContract<TxInputs> {
    @Override
    ClusteringHeuristic<TxInputs> create() {
        return new MultiInputHeuristic();
    }

    @Override
    List<TxInputs> linking123() {
        return List.of(TestTx.simple(1, 2), TestTx.simple(3, 2, -1));
    }

    @Override
    List<TxInputs> linkingTwoServices() {
        return List.of(TestTx.simple(1, 5), TestTx.simple(5, 2));
    }

    @Test
    void apply_coinJoin_isSkippedAndCounted() {
        long[] v = new long[5];
        Arrays.fill(v, 5_000_000L);
        TestTx whirlpool = new TestTx(new int[] {1, 2, 3, 4, 5}, new long[] {5_000_000, 5_000_100, 5_000_000, 5_000_000, 5_000_000},
                new int[] {6, 7, 8, 9, 10}, v);
        MultiInputHeuristic h = new MultiInputHeuristic();
        EntityClusters c = new EntityClusters(16);
        h.apply(whirlpool, c);
        assertThat(c.find(1)).isNotEqualTo(c.find(2));
        assertThat(h.stats().skipped()).containsEntry("coinjoin:whirlpool", 1L);
    }

    @Test
    void apply_refusedMerge_isCountedAndRecorded() {
        MultiInputHeuristic h = new MultiInputHeuristic();
        EntityClusters c = new EntityClusters(16);
        c.tag(1, BINANCE);
        c.tag(2, KRAKEN);
        h.apply(TestTx.simple(1, 2), c);
        assertThat(h.stats().refused()).isEqualTo(1);
        assertThat(c.conflicts()).singleElement().satisfies(x -> assertThat(x.reason()).isEqualTo("multi-input"));
    }
}
