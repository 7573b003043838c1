package dev.cordon.intel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeder on a generated Bitcoin-shaped chain (seeded; the seed is printed). */
class ClusterFeederTest {
    static final long SEED = 20250221L;
    @TempDir
    static Path dir;
    static List<UtxoBlock> blocks = new ArrayList<>();

    @BeforeAll
    static void generate() {
        System.out.println("ClusterFeederTest seed=" + SEED);
        LaunderingScenario.generate(dir, ScenarioConfig.small(SEED));
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(dir, blocks::add);
    }

    static ChainStore storeWith(int n) {
        ChainStore store = MemoryChainStore.create();
        add(store, 0, n);
        return store;
    }

    static void add(ChainStore store, int from, int to) {
        BlockIngestor ingestor = new BlockIngestor(store, 10);
        blocks.subList(from, to).forEach(ingestor::accept);
    }

    static ClusterFeeder.Result feed(ChainStore chain, ClusterStore clusters) {
        ChainClusters state = clusters.load(Chain.BITCOIN);
        return new ClusterFeeder(chain, clusters, state, Optional.empty()).catchUp(n -> { });
    }

    @Test
    void catchUp_inTwoRuns_equalsOneRun() {
        ClusterStore once = new InMemoryClusterStore();
        ClusterStore twice = new InMemoryClusterStore();
        int half = blocks.size() / 2;
        try (ChainStore all = storeWith(blocks.size()); ChainStore grown = storeWith(half)) {
            ClusterFeeder.Result r = feed(all, once);
            feed(grown, twice);
            add(grown, half, blocks.size());
            ClusterFeeder.Result second = feed(grown, twice);
            assertThat(second.fromHeight()).isEqualTo(half);
            assertThat(second.toHeight()).isEqualTo(blocks.size() - 1);
            assertThat(r.stats().linked()).isPositive();
            assertThat(partition(twice.load(Chain.BITCOIN))).isEqualTo(partition(once.load(Chain.BITCOIN)));
            assertThat(once.load(Chain.BITCOIN).cursor()).isEqualTo(blocks.size() - 1);
            assertThat(once.load(Chain.BITCOIN).ids().size()).isEqualTo((int) all.addressCount(Chain.BITCOIN));
        }
    }

    @Test
    void catchUp_everyMultiInputTx_putsItsInputsInOneCluster() {
        ClusterStore clusters = new InMemoryClusterStore();
        try (ChainStore store = storeWith(blocks.size())) {
            feed(store, clusters);
            ChainClusters s = clusters.load(Chain.BITCOIN);
            CoinJoinDetector detector = new CoinJoinDetector();
            int[] checked = new int[1];
            store.forEachTx(Chain.BITCOIN, 0, tx -> {
                if (tx.coinbase() || tx.inputCount() < 2) {
                    return true;
                }
                int first = s.ids().find(store.addressById(Chain.BITCOIN, tx.inputAddressId(0)).orElseThrow()).getAsInt();
                TestTx shape = TestTx.values(tx);
                if (detector.detect(shape) == CoinJoinDetector.Kind.NONE) {
                    for (int i = 1; i < tx.inputCount(); i++) {
                        Address a = store.addressById(Chain.BITCOIN, tx.inputAddressId(i)).orElseThrow();
                        assertThat(s.clusters().find(s.ids().find(a).getAsInt())).isEqualTo(s.clusters().find(first));
                    }
                    checked[0]++;
                }
                return true;
            });
            assertThat(checked[0]).isPositive();
        }
    }

    @Test
    void catchUp_cursorBeyondStore_isRefused() {
        ClusterStore clusters = new InMemoryClusterStore();
        try (ChainStore all = storeWith(blocks.size()); ChainStore small = storeWith(10)) {
            feed(all, clusters);
            assertThatThrownBy(() -> feed(small, clusters)).isInstanceOf(CordonException.class)
                    .hasMessageContaining("clusters reach height " + (blocks.size() - 1) + " but the chain store ends at 9")
                    .satisfies(e -> assertThat(((CordonException) e).code()).isEqualTo(ErrorCode.DATA));
        }
    }

    /** Each address mapped to the sorted members of its cluster, for comparing two states. */
    static Map<String, List<String>> partition(ChainClusters s) {
        Map<Integer, List<String>> byRoot = new HashMap<>();
        for (int i = 0; i < s.ids().size(); i++) {
            byRoot.computeIfAbsent(s.clusters().find(i), k -> new ArrayList<>()).add(s.ids().address(i).orElseThrow().value());
        }
        Map<String, List<String>> out = new HashMap<>();
        for (List<String> members : byRoot.values()) {
            members.sort(null);
            members.forEach(m -> out.put(m, members));
        }
        return out;
    }
}
