package dev.cordon.intel.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.scenario.GroundTruth;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExposureMaintainerTest {
    static final long SEED = 20240221L;

    @TempDir
    static Path dir;
    static LaunderingScenario.Scenario scenario;
    static List<UtxoBlock> blocks = new ArrayList<>();
    static Map<Address, Category> truthLabels = new HashMap<>();

    @BeforeAll
    static void generate() {
        scenario = LaunderingScenario.generate(dir.resolve("blocks"), ScenarioConfig.small(SEED));
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(dir.resolve("blocks"), blocks::add);
        for (GroundTruth.LabelRow r : scenario.truth().labels()) {
            truthLabels.put(BitcoinAddresses.parse(r.address()), Category.parse(r.category()));
        }
    }

    @Test
    void catchUp_acrossRunsFromBeforeTheTheft_equalsOneBuild() {
        int split = scenario.truth().theft().height();
        Path files = dir.resolve("run");
        try (ChainStore store = MemoryChainStore.create()) {
            ingest(store, 0, split);
            RiskLabels before = RiskLabels.of(Chain.BITCOIN, truthLabels, store);
            assertThat(before.size()).as("thief addresses not seen yet").isLessThan(truthLabels.size());
            List<String> notes = new ArrayList<>();
            ExposureMaintainer first = new ExposureMaintainer(files, 3, notes::add);
            ExposureMaintainer.Step s1 = first.catchUp(store, before);
            first.save();
            assertThat(s1.toHeight()).isEqualTo(split - 1);
            assertThat(s1.rebuilt()).isTrue();

            ingest(store, split, blocks.size());
            RiskLabels after = RiskLabels.of(Chain.BITCOIN, truthLabels, store);
            assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
            ExposureMaintainer second = new ExposureMaintainer(files, 3, notes::add);
            ExposureMaintainer.Step s2 = second.catchUp(store, after);
            second.save();
            assertThat(s2.rebuilt()).isFalse();
            assertThat(s2.fromHeight()).isEqualTo(split - 1);
            assertThat(s2.toHeight()).isEqualTo(blocks.size() - 1);
            assertThat(notes).isEmpty();

            UtxoGraph g = GraphBuilder.build(store, Chain.BITCOIN);
            ExposureIndex whole = new ExposureIndex(after, 3);
            whole.extend(g, Long.MAX_VALUE);
            assertSame(second.index(), whole, g.addressCount());
            assertThat(ExposureFile.header(files.resolve(ExposureMaintainer.INDEX_FILE)).heightCursor()).isEqualTo(blocks.size() - 1);
        }
    }

    @Test
    void catchUp_filesAheadOfTheStore_areRebuiltWithANote() throws Exception {
        Path files = dir.resolve("ahead");
        try (ChainStore full = MemoryChainStore.create()) {
            ingest(full, 0, blocks.size());
            ExposureMaintainer m = new ExposureMaintainer(files, 3, n -> { });
            m.catchUp(full, RiskLabels.of(Chain.BITCOIN, truthLabels, full));
            m.save();
        }
        assertThat(Files.isRegularFile(files.resolve(ExposureMaintainer.GRAPH_FILE))).isTrue();
        try (ChainStore part = MemoryChainStore.create()) {
            ingest(part, 0, blocks.size() - 40);
            RiskLabels labels = RiskLabels.of(Chain.BITCOIN, truthLabels, part);
            List<String> notes = new ArrayList<>();
            ExposureMaintainer m = new ExposureMaintainer(files, 3, notes::add);
            ExposureMaintainer.Step s = m.catchUp(part, labels);
            assertThat(s.rebuilt()).isTrue();
            assertThat(s.toHeight()).isEqualTo(blocks.size() - 41);
            assertThat(notes).singleElement().asString().contains("is ahead of the chain store").contains("rebuilding it");
            UtxoGraph g = GraphBuilder.build(part, Chain.BITCOIN);
            ExposureIndex fresh = new ExposureIndex(labels, 3);
            fresh.extend(g, Long.MAX_VALUE);
            assertSame(m.index(), fresh, g.addressCount());
        }
    }

    private static void ingest(ChainStore store, int from, int to) {
        BlockIngestor in = new BlockIngestor(store, 0);
        for (UtxoBlock b : blocks.subList(from, to)) {
            in.accept(b);
        }
    }

    private static void assertSame(ExposureIndex got, ExposureIndex want, int addresses) {
        assertThat(got.heightCursor()).isEqualTo(want.heightCursor());
        assertThat(got.exposedUnspent()).isEqualTo(want.exposedUnspent());
        int exposed = 0;
        for (int a = 0; a < addresses; a++) {
            assertThat(got.of(a)).as("address %d", a).isEqualTo(want.of(a));
            exposed += want.of(a).isExposed() ? 1 : 0;
        }
        assertThat(exposed).isPositive();
    }
}
