package dev.cordon.intel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityClustersTest {
    private static final ClusterTag BINANCE = new ClusterTag("binance", "Binance", Category.EXCHANGE, Confidence.SERVICE_DATA);
    private static final ClusterTag KRAKEN = new ClusterTag("kraken", "Kraken", Category.EXCHANGE, Confidence.WEB_CRAWL);
    private static final ClusterTag THIEF = new ClusterTag("lazarusgroup", "Lazarus", Category.SANCTION, Confidence.AUTHORITY_DATA);

    @Test
    void union_randomPairs_matchesANaiveComponentCount() {
        long seed = System.nanoTime();
        System.out.println("EntityClustersTest seed " + seed);
        Random r = new Random(seed);
        int n = 5_000;
        EntityClusters uf = new EntityClusters(16);
        int[] naive = new int[n];
        for (int i = 0; i < n; i++) {
            naive[i] = i;
        }
        uf.ensure(n - 1);
        for (int k = 0; k < 4_000; k++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            uf.union(a, b, "t");
            int from = naive[b];
            int to = naive[a];
            for (int i = 0; i < n; i++) {
                if (naive[i] == from) {
                    naive[i] = to;
                }
            }
        }
        Set<Integer> comps = new HashSet<>();
        for (int v : naive) {
            comps.add(v);
        }
        assertThat(uf.clusterCount()).as("seed " + seed).isEqualTo(comps.size());
        for (int k = 0; k < 2_000; k++) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            assertThat(uf.find(a) == uf.find(b)).as("seed " + seed).isEqualTo(naive[a] == naive[b]);
        }
        int a = r.nextInt(n);
        List<Integer> members = new ArrayList<>();
        uf.forEachMember(a, Integer.MAX_VALUE, members::add);
        assertThat(members).hasSize(uf.clusterSize(a)).allSatisfy(m -> assertThat(naive[m]).isEqualTo(naive[a]));
        assertThat(uf.footprintBytes() / (double) uf.size()).isLessThanOrEqualTo(16.0);
    }

    @Test
    void union_ofTwoDifferentServices_isRefusedAndRecorded() {
        EntityClusters uf = new EntityClusters(16);
        uf.tag(1, BINANCE);
        uf.tag(2, KRAKEN);
        uf.union(1, 3, "t");
        assertThat(uf.union(3, 2, "multi-input")).isFalse();
        assertThat(uf.find(3)).isNotEqualTo(uf.find(2));
        assertThat(uf.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.tagA()).isEqualTo("binance");
            assertThat(c.tagB()).isEqualTo("kraken");
        });
    }

    @Test
    void tag_strongestConfidenceWinsAcrossMerges() {
        EntityClusters uf = new EntityClusters(16);
        uf.tag(1, KRAKEN);
        uf.tag(2, THIEF);
        assertThat(uf.union(1, 2, "t")).isTrue();
        assertThat(uf.tagOf(1)).isEqualTo(THIEF);
        assertThat(uf.tagOf(2)).isEqualTo(THIEF);
    }
}
