package dev.cordon.cli.intel;

import dev.cordon.cli.Json;
import dev.cordon.cli.Progress;
import dev.cordon.core.Chain;
import dev.cordon.core.Clock;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.LabelIndex;
import dev.cordon.intel.cluster.ChainClusters;
import dev.cordon.intel.cluster.ClusterFeeder;
import dev.cordon.intel.cluster.HeuristicStats;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Checkpoint;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the Bitcoin clusters in {@code <data>/intel} up to the chain store, as {@code cordon
 * ingest bitcoin} does after each run and {@code cordon cluster rebuild} does from scratch.
 */
public final class BitcoinClustering {
    private BitcoinClustering() {
    }

    /**
     * Applies the blocks the clusters have not seen yet (all of them when {@code rebuild}) and
     * saves. Addresses seen for the first time get the open labels of the intel store as cluster
     * tags.
     *
     * @return counts for the report: heights applied, transactions, merges, clusters, speed
     */
    public static Map<String, Object> catchUp(Path dataDir, ChainStore store, Clock clock, boolean rebuild) {
        long t0 = clock.millis();
        try (IntelStore intel = IntelStore.open(dataDir)) {
            if (rebuild) {
                intel.clusters().clear(Chain.BITCOIN);
            }
            ChainClusters state = intel.clusters().load(Chain.BITCOIN);
            Optional<LabelIndex> labels = intel.labels().datasets().isEmpty() ? Optional.empty()
                    : Optional.of(LabelIndex.of(intel.labels(), clock.now()));
            long count = store.txCount(Chain.BITCOIN);
            long total = count - store.block(Chain.BITCOIN, state.cursor() + 1).map(b -> b.firstTxNum()).orElse(count);
            ClusterFeeder.Result r;
            try (Progress progress = new Progress("cluster", "txs", total, clock)) {
                r = new ClusterFeeder(store, intel.clusters(), state, labels).catchUp(progress::update);
            }
            return summary(r, state, store, clock.millis() - t0);
        }
    }

    private static Map<String, Object> summary(ClusterFeeder.Result r, ChainClusters state, ChainStore store, long millis) {
        HeuristicStats s = r.stats();
        double secs = Math.max(1, millis) / 1000.0;
        Map<String, Object> m = Json.object();
        m.put("from_height", r.fromHeight());
        m.put("to_height", r.toHeight());
        m.put("store_height", store.checkpoint(Chain.BITCOIN).map(Checkpoint::height).orElse(-1L));
        m.put("transactions", r.transactions());
        m.put("multi_input_transactions", s.seen());
        m.put("merges", s.linked());
        m.put("refused_merges", s.refused());
        m.put("coinjoins_skipped", s.skipped().entrySet().stream().filter(e -> e.getKey().startsWith("coinjoin:"))
                .mapToLong(Map.Entry::getValue).sum());
        m.put("addresses", state.ids().size());
        m.put("clusters", state.clusters().clusterCount());
        m.put("seconds", Math.round(secs * 10) / 10.0);
        m.put("tx_per_second", Math.round(r.transactions() / secs));
        return m;
    }
}
