package dev.cordon.intel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ClusteringHeuristic} guarantees. */
abstract class ClusteringHeuristicContract<T> {
    static final ClusterTag BINANCE = new ClusterTag("binance", "Binance", Category.EXCHANGE, Confidence.SERVICE_DATA);
    static final ClusterTag KRAKEN = new ClusterTag("kraken", "Kraken", Category.EXCHANGE, Confidence.SERVICE_DATA);

    abstract ClusteringHeuristic<T> create();

    /** Fresh clusters, with whatever labels the heuristic needs to work (exchange wallets). */
    EntityClusters fresh() {
        return new EntityClusters(16);
    }

    /** Inputs that link addresses 1, 2 and 3 (and nothing else). */
    abstract List<T> linking123();

    /** Inputs that would link a Binance address (1) with a Kraken address (2). */
    abstract List<T> linkingTwoServices();

    private EntityClusters feed(ClusteringHeuristic<T> h, List<T> inputs, EntityClusters c) {
        inputs.forEach(t -> h.apply(t, c));
        return c;
    }

    @Test
    void apply_links_theAddressesItShould() {
        EntityClusters c = feed(create(), linking123(), fresh());
        assertThat(c.find(1)).isEqualTo(c.find(2)).isEqualTo(c.find(3));
        assertThat(c.clusterSize(1)).isEqualTo(3);
    }

    @Test
    void apply_twice_changesNothingMore() {
        ClusteringHeuristic<T> h = create();
        EntityClusters c = feed(h, linking123(), fresh());
        int clusters = c.clusterCount();
        feed(h, linking123(), c);
        assertThat(c.clusterCount()).isEqualTo(clusters);
        assertThat(h.stats().seen()).isEqualTo(2L * linking123().size());
    }

    @Test
    void apply_neverMergesTwoLabelledServices() {
        EntityClusters c = fresh();
        c.tag(1, BINANCE);
        c.tag(2, KRAKEN);
        ClusteringHeuristic<T> h = create();
        feed(h, linkingTwoServices(), c);
        assertThat(c.find(1)).isNotEqualTo(c.find(2));
    }
}
