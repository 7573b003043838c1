package dev.cordon.intel.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.scenario.GroundTruth;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import dev.cordon.store.TxFlow;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExposureIndexTest {
    static final long SEED = 20240221L;
    static final int HACK = RiskCategory.HACK.id();

    @TempDir
    static Path dir;
    static LaunderingScenario.Scenario scenario;
    static ChainStore store;
    static UtxoGraph graph;
    static RiskLabels labels;

    @BeforeAll
    static void generateAndIngest() {
        scenario = LaunderingScenario.generate(dir.resolve("blocks"), ScenarioConfig.small(SEED));
        store = MemoryChainStore.create();
        BlockIngestor ingestor = new BlockIngestor(store, 10);
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(dir.resolve("blocks"), ingestor::accept);
        graph = GraphBuilder.build(store, Chain.BITCOIN);
        Map<Address, Category> m = new HashMap<>();
        for (GroundTruth.LabelRow r : scenario.truth().labels()) {
            m.put(BitcoinAddresses.parse(r.address()), Category.parse(r.category()));
        }
        labels = RiskLabels.of(Chain.BITCOIN, m, store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void extend_launderingScenario_depositsMatchAnIndependentHaircut() {
        ExposureIndex x = new ExposureIndex(labels, 3);
        long flows = x.extend(graph, Long.MAX_VALUE);
        assertThat(flows).isEqualTo((long) graph.inputCount() + graph.outputCount());
        Map<Integer, long[]> expected = oracle(3);
        int exposedDeposits = 0;
        long directSum = 0;
        long indirectSum = 0;
        for (GroundTruth.Deposit d : scenario.truth().fifo().deposits()) {
            int id = store.addressId(BitcoinAddresses.parse(d.address())).orElseThrow();
            Exposure e = x.of(id);
            long[] want = expected.getOrDefault(id, new long[3]);
            assertThat(new long[] {e.exposed(RiskCategory.HACK, 1), e.exposed(RiskCategory.HACK, 2),
                    e.exposed(RiskCategory.HACK, 3)}).as(d.address()).containsExactly(want);
            assertThat(e.total(RiskCategory.MIXER)).isZero();
            if (e.total(RiskCategory.HACK) > 0) {
                exposedDeposits++;
            }
            directSum += e.direct(RiskCategory.HACK);
            indirectSum += e.indirect(RiskCategory.HACK);
        }
        System.out.printf("exposure: %d of %d deposits exposed to the hack within 3 hops; direct %d, indirect %d sats%n",
                exposedDeposits, scenario.truth().fifo().deposits().size(), directSum, indirectSum);
        assertThat(exposedDeposits).isGreaterThan(0);
        assertThat(indirectSum).isGreaterThan(0);
    }

    @Test
    void extend_inTwoSteps_equalsOneStep_andSurvivesSaveAndLoad() {
        ExposureIndex whole = new ExposureIndex(labels, 3);
        whole.extend(graph, Long.MAX_VALUE);
        ExposureIndex half = new ExposureIndex(labels, 3);
        long mid = scenario.truth().theft().height() + 20;
        half.extend(graph, mid);
        assertThat(half.heightCursor()).isEqualTo(mid);
        Path file = dir.resolve("btc.exposure");
        ExposureFile.save(half, file);
        ExposureIndex loaded = ExposureFile.load(file, labels, 3);
        assertThat(ExposureFile.header(file)).isEqualTo(new ExposureFile.Header(1, 3, labels.fingerprint(), half.txCursor(), mid));
        loaded.extend(graph, Long.MAX_VALUE);
        for (int a = 0; a < graph.addressCount(); a++) {
            assertThat(loaded.of(a)).as("address %d", a).isEqualTo(whole.of(a));
        }
        assertThat(loaded.exposedUnspent()).isEqualTo(whole.exposedUnspent());
    }

    @Test
    void load_damagedFile_isRefused() throws Exception {
        ExposureIndex x = new ExposureIndex(labels, 3);
        x.extend(graph, Long.MAX_VALUE);
        Path file = dir.resolve("damaged.exposure");
        ExposureFile.save(x, file);
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 1;
        Files.write(file, b);
        assertThatThrownBy(() -> ExposureFile.load(file, labels, 3)).isInstanceOf(CordonException.class)
                .hasMessageContaining("checksum mismatch");
        ExposureFile.save(x, file);
        assertThatThrownBy(() -> ExposureFile.load(file, labels, 4)).hasMessageContaining("delete the file to rebuild it");
    }

    @Test
    void sum_perExchangeEntity_equalsTheStoreAndTheOracleSummedOverItsAddresses() {
        ExposureIndex x = new ExposureIndex(labels, 3);
        x.extend(graph, Long.MAX_VALUE);
        Map<Integer, long[]> expected = oracle(3);
        Map<String, List<Integer>> members = new TreeMap<>();
        for (GroundTruth.LabelRow r : scenario.truth().labels()) {
            if (Category.parse(r.category()) == Category.EXCHANGE) {
                store.addressId(BitcoinAddresses.parse(r.address()))
                        .ifPresent(id -> members.computeIfAbsent(r.entity(), k -> new ArrayList<>()).add(id));
            }
        }
        assertThat(members).hasSizeGreaterThan(1);
        long exposedTotal = 0;
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            long received = 0;
            long[] hack = new long[3];
            for (int id : e.getValue()) {
                received += store.addressById(Chain.BITCOIN, id).flatMap(store::address).orElseThrow().received().units().longValueExact();
                long[] o = expected.getOrDefault(id, new long[3]);
                for (int h = 0; h < 3; h++) {
                    hack[h] += o[h];
                }
            }
            int[] ids = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            Exposure sum = x.sum(ids);
            assertThat(sum.received()).as(e.getKey()).isEqualTo(received);
            assertThat(new long[] {sum.exposed(RiskCategory.HACK, 1), sum.exposed(RiskCategory.HACK, 2),
                    sum.exposed(RiskCategory.HACK, 3)}).as(e.getKey()).containsExactly(hack);
            assertThat(x.sum(IntStream.concat(IntStream.of(ids), IntStream.of(ids[0], -1)).toArray())).isEqualTo(sum);
            System.out.printf("exposure: entity %s, %d addresses, received %d, hack %d%n", e.getKey(), ids.length, received,
                    sum.total(RiskCategory.HACK));
            exposedTotal += sum.total(RiskCategory.HACK);
        }
        assertThat(exposedTotal).isPositive();
    }

    @Test
    void new_badHops_isRefused() {
        assertThatThrownBy(() -> new ExposureIndex(labels, 0)).hasMessageContaining("exposure hops must be 1..8: 0");
    }

    /**
     * Hack exposure per address by hop, computed straight from the store's transaction records
     * with BigInteger arithmetic and per-output maps: an independent reading of the rule.
     */
    static Map<Integer, long[]> oracle(int hops) {
        Map<Long, long[][]> outs = new HashMap<>();
        Map<Integer, long[]> byAddress = new HashMap<>();
        store.forEachTx(Chain.BITCOIN, 0, tx -> {
            long[] pool = new long[hops];
            long total = 0;
            for (int i = 0; !tx.coinbase() && i < tx.inputCount(); i++) {
                total += tx.inputValue(i);
                long[][] spent = outs.get(tx.inputSpentTxNum(i));
                if (labels.riskOf(tx.inputAddressId(i)) == HACK) {
                    pool[0] += tx.inputValue(i);
                } else if (spent != null && spent[tx.inputSpentVout(i)] != null) {
                    for (int h = 0; h + 1 < hops; h++) {
                        pool[h + 1] += spent[tx.inputSpentVout(i)][h];
                    }
                }
            }
            outs.put(tx.txNum(), share(tx, pool, total, byAddress));
            return true;
        });
        return byAddress;
    }

    private static long[][] share(TxFlow tx, long[] pool, long total, Map<Integer, long[]> byAddress) {
        long[][] mine = new long[tx.outputCount()][];
        for (int o = 0; o < tx.outputCount() && total > 0; o++) {
            long[] e = new long[pool.length];
            for (int h = 0; h < pool.length; h++) {
                e[h] = BigInteger.valueOf(pool[h]).multiply(BigInteger.valueOf(tx.outputValue(o)))
                        .divide(BigInteger.valueOf(total)).longValueExact();
            }
            mine[o] = e;
            if (tx.outputAddressId(o) >= 0) {
                long[] sum = byAddress.computeIfAbsent(tx.outputAddressId(o), k -> new long[pool.length]);
                for (int h = 0; h < pool.length; h++) {
                    sum[h] += e[h];
                }
            }
        }
        return mine;
    }
}
