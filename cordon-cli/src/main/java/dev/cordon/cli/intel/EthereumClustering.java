package dev.cordon.cli.intel;

import dev.cordon.cli.Json;
import dev.cordon.cli.Progress;
import dev.cordon.core.Clock;
import dev.cordon.intel.IntelStore;
import dev.cordon.intel.LabelIndex;
import dev.cordon.intel.cluster.EthClusterFeeder;
import dev.cordon.intel.cluster.HeuristicStats;
import dev.cordon.store.ChainStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the Ethereum deposit-address clusters in {@code <data>/intel} up to the chain store's
 * Ethereum checkpoint, as {@code cordon ingest ethereum} does after each run and
 * {@code cordon cluster rebuild --chain eth} does from scratch.
 */
public final class EthereumClustering {
    private EthereumClustering() {
    }

    /**
     * Applies the blocks the clusters have not seen yet (all of them when {@code rebuild}, or when
     * the store no longer holds the clusters' cursor block) and saves.
     *
     * @return counts for the report: heights applied, transfers, deposit addresses, merges, clusters
     */
    public static Map<String, Object> catchUp(Path dataDir, ChainStore store, Clock clock, boolean rebuild) {
        long t0 = clock.millis();
        store.flush();
        try (IntelStore intel = IntelStore.open(dataDir)) {
            Optional<LabelIndex> labels = intel.labels().datasets().isEmpty() ? Optional.empty()
                    : Optional.of(LabelIndex.of(intel.labels(), clock.now()));
            EthClusterFeeder feeder = new EthClusterFeeder(store.ethereum(), intel.clusters(), labels);
            EthClusterFeeder.Result r;
            try (Progress progress = new Progress("cluster", "transfers", 0, clock)) {
                r = rebuild ? feeder.rebuild(progress::update) : feeder.catchUp(progress::update);
            }
            return summary(r, clock.millis() - t0);
        }
    }

    private static Map<String, Object> summary(EthClusterFeeder.Result r, long millis) {
        HeuristicStats s = r.stats();
        Map<String, Object> m = Json.object();
        m.put("from_height", r.fromHeight());
        m.put("to_height", r.toHeight());
        m.put("rebuilt", r.rebuilt());
        m.put("transfers", r.transfers());
        m.put("transfers_fed", r.fed());
        m.put("deposit_addresses", s.skipped().getOrDefault("deposit-addresses", 0L));
        m.put("merges", s.linked());
        m.put("refused_merges", s.refused());
        m.put("addresses", r.state().ids().size());
        m.put("clusters", r.state().clusters().clusterCount());
        m.put("seconds", Math.round(Math.max(1, millis) / 100.0) / 10.0);
        return m;
    }
}
