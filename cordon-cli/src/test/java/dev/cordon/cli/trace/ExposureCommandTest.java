package dev.cordon.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.intel.exposure.Exposure;
import dev.cordon.intel.exposure.ExposureIndex;
import dev.cordon.intel.exposure.RiskCategory;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.scenario.GroundTruth;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exposure kept by {@code cordon ingest bitcoin} and read by {@code cordon exposure},
 * {@code cordon address} and {@code cordon cluster}, on the laundering scenario with its labels
 * imported into the label store; every figure is compared with an index built in process.
 */
class ExposureCommandTest {
    static final long SEED = 20240221L;
    static final String ENTITY = "Saltmarsh Exchange";

    @TempDir
    static Path tmp;
    static Path data;
    static LaunderingScenario.Scenario scenario;
    static ChainStore expectedStore;
    static ExposureIndex expected;
    static JsonNode ingest;

    @BeforeAll
    static void ingestWithLabels() throws IOException {
        scenario = LaunderingScenario.generate(tmp.resolve("blocks"), ScenarioConfig.small(SEED));
        data = tmp.resolve("data");
        CliRun imp = CliRun.of("intel", "import", scenario.labelsFile().toString(), "--format", "csv", "--column", "label=entity",
                "--currency", "BTC", "--confidence", "forensic", "--source", "https://example.org/scenario", "--dataset", "scenario",
                "--data", data.toString());
        assertThat(imp.exitCode()).as(imp.out() + imp.err()).isZero();
        CliRun r = CliRun.of("ingest", "bitcoin", "--blocks", tmp.resolve("blocks").toString(), "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        ingest = Json.mapper().readTree(r.out());
        expectedStore = MemoryChainStore.create();
        BlockIngestor in = new BlockIngestor(expectedStore, 10);
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(tmp.resolve("blocks"), in::accept);
        Map<Address, Category> m = new HashMap<>();
        for (GroundTruth.LabelRow l : scenario.truth().labels()) {
            m.put(BitcoinAddresses.parse(l.address()), Category.parse(l.category()));
        }
        UtxoGraph g = GraphBuilder.build(expectedStore, Chain.BITCOIN);
        expected = new ExposureIndex(RiskLabels.of(Chain.BITCOIN, m, expectedStore), 3);
        expected.extend(g, Long.MAX_VALUE);
    }

    @AfterAll
    static void close() {
        expectedStore.close();
    }

    @Test
    void ingest_maintainsTheIndexUpToTheTip() {
        JsonNode x = ingest.get("exposure");
        assertThat(x.get("from_height").asLong()).isEqualTo(-1);
        assertThat(x.get("to_height").asLong()).isEqualTo(scenario.truth().blocks() - 1);
        assertThat(x.get("hops").asInt()).isEqualTo(3);
        assertThat(x.get("exposed_unspent_outputs").asInt()).isEqualTo(expected.exposedUnspent());
        UtxoGraph g = GraphBuilder.build(expectedStore, Chain.BITCOIN);
        assertThat(x.get("value_flows").asLong()).isEqualTo((long) g.inputCount() + g.outputCount());
        assertThat(Files.isRegularFile(data.resolve("graph").resolve("btc.exposure"))).isTrue();
    }

    @Test
    void exposure_deposits_areReadNotComputed_andMatchToTheSatoshi() throws IOException {
        List<String> deposits = exposedDeposits(5);
        List<String> args = new ArrayList<>(List.of("exposure", "--data", data.toString(), "--json"));
        args.addAll(deposits);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("bringing it up");
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("asOfHeight").asLong()).isEqualTo(scenario.truth().blocks() - 1);
        for (int i = 0; i < deposits.size(); i++) {
            JsonNode row = doc.get("addresses").get(i);
            assertThat(row.get("address").asText()).isEqualTo(deposits.get(i));
            assertHack(row.get("exposure"), row.get("received").asText(), expectedOf(deposits.get(i)));
        }
    }

    @Test
    void address_showsTheMaintainedExposure() throws IOException {
        String deposit = exposedDeposits(1).get(0);
        CliRun r = CliRun.of("address", deposit, "--data", data.toString(), "--json");
        JsonNode x = Json.mapper().readTree(r.out()).get("exposure");
        assertThat(x.get("asOfHeight").asLong()).isEqualTo(scenario.truth().blocks() - 1);
        assertThat(x.get("hops").asInt()).isEqualTo(3);
        assertThat(x.get("current").asBoolean()).isTrue();
        assertHack(x.get("categories"), x.get("received").asText(), expectedOf(deposit));
        CliRun text = CliRun.of("address", deposit, "--data", data.toString());
        assertThat(text.out()).contains("exposure within 3 hops, as of block " + (scenario.truth().blocks() - 1))
                .contains(Amount.sats(expectedOf(deposit).indirect(RiskCategory.HACK)).toPlainString());
    }

    @Test
    void exposure_entity_sumsEveryAddressLabelledWithIt() throws IOException {
        List<Integer> ids = new ArrayList<>();
        int labelled = 0;
        for (GroundTruth.LabelRow l : scenario.truth().labels()) {
            if (l.entity().equals(ENTITY)) {
                labelled++;
                expectedStore.addressId(BitcoinAddresses.parse(l.address())).ifPresent(ids::add);
            }
        }
        Exposure want = expected.sum(ids.stream().mapToInt(Integer::intValue).toArray());
        assertThat(want.total(RiskCategory.HACK)).isPositive();
        CliRun r = CliRun.of("exposure", "--entity", ENTITY, "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode row = Json.mapper().readTree(r.out()).get("entities").get(0);
        assertThat(row.get("entity").asText()).isEqualTo(ENTITY);
        assertThat(row.get("members").asInt()).isEqualTo(labelled);
        assertHack(row.get("exposure"), row.get("received").asText(), want);
        CliRun unknown = CliRun.of("exposure", "--entity", "Nobody", "--data", data.toString());
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("no open Bitcoin label names the entity 'Nobody'");
    }

    @Test
    void cluster_andExposureCluster_agree() throws IOException {
        String deposit = exposedDeposits(1).get(0);
        JsonNode viaCluster = Json.mapper().readTree(CliRun.of("cluster", deposit, "--data", data.toString(), "--json").out());
        CliRun r = CliRun.of("exposure", "--cluster", deposit, "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode row = Json.mapper().readTree(r.out()).get("clusters").get(0);
        assertThat(row.get("members").asInt()).isEqualTo(viaCluster.get("size").asInt());
        assertThat(viaCluster.at("/exposure/members").asInt()).isEqualTo(viaCluster.get("size").asInt());
        assertThat(viaCluster.at("/exposure/received").asText()).isEqualTo(row.get("received").asText());
        assertThat(viaCluster.at("/exposure/categories").toString()).isEqualTo(row.get("exposure").toString());
    }

    @Test
    void intelImport_changedRiskLabels_rebuildsTheIndex() throws IOException {
        Path copy = tmp.resolve("relabel");
        copyTree(data, copy);
        String deposit = exposedDeposits(1).get(0);
        Path list = Files.writeString(tmp.resolve("sanctioned.txt"), deposit + "\n");
        CliRun imp = CliRun.of("intel", "import", list.toString(), "--format", "list", "--label", "Test sanction",
                "--category", "sanction", "--source", "https://example.org/s", "--currency", "BTC", "--data", copy.toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.err()).contains("exposure index rebuilt with the new risk labels, as of block "
                + (scenario.truth().blocks() - 1));
        JsonNode x = Json.mapper().readTree(CliRun.of("address", deposit, "--data", copy.toString(), "--json").out())
                .get("exposure");
        assertThat(x.get("current").asBoolean()).isTrue();
        CliRun before = CliRun.of("exposure", deposit, "--data", data.toString(), "--json");
        CliRun after = CliRun.of("exposure", deposit, "--data", copy.toString(), "--json");
        assertThat(after.err()).doesNotContain("bringing it up");
        assertThat(Json.mapper().readTree(after.out()).get("riskLabelledAddresses").asInt())
                .isEqualTo(Json.mapper().readTree(before.out()).get("riskLabelledAddresses").asInt() + 1);
    }

    @Test
    void address_damagedIndex_saysSoAndExposureRebuildsIt() throws IOException {
        Path copy = tmp.resolve("damaged");
        copyTree(data, copy);
        Path file = copy.resolve("graph").resolve("btc.exposure");
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 1;
        Files.write(file, b);
        String deposit = exposedDeposits(1).get(0);
        CliRun a = CliRun.of("address", deposit, "--data", copy.toString(), "--json");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.err()).contains("checksum mismatch");
        assertThat(Json.mapper().readTree(a.out()).get("exposure").isNull()).isTrue();
        CliRun x = CliRun.of("exposure", deposit, "--data", copy.toString(), "--json");
        assertThat(x.exitCode()).as(x.err()).isZero();
        assertThat(x.err()).contains("checksum mismatch").contains("rebuilding it");
        JsonNode row = Json.mapper().readTree(x.out()).get("addresses").get(0);
        assertHack(row.get("exposure"), row.get("received").asText(), expectedOf(deposit));
    }

    @Test
    void ingest_noExposure_leavesTheIndexOut() throws IOException {
        Path other = tmp.resolve("none");
        CliRun r = CliRun.of("ingest", "bitcoin", "--blocks", tmp.resolve("blocks").toString(), "--data", other.toString(),
                "--json", "--no-exposure");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Json.mapper().readTree(r.out()).has("exposure")).isFalse();
        assertThat(Files.exists(other.resolve("graph").resolve("btc.exposure"))).isFalse();
        String deposit = exposedDeposits(1).get(0);
        CliRun a = CliRun.of("address", deposit, "--data", other.toString());
        assertThat(a.out()).contains("exposure: not maintained");
    }

    private static Exposure expectedOf(String address) {
        return expected.of(expectedStore.addressId(BitcoinAddresses.parse(address)).orElseThrow());
    }

    private static void assertHack(JsonNode categories, String received, Exposure want) {
        assertThat(received).isEqualTo(Amount.sats(want.received()).toPlainString());
        JsonNode hack = null;
        for (JsonNode c : categories) {
            if (c.get("category").asText().equals(RiskCategory.HACK.code())) {
                hack = c;
            }
        }
        assertThat(hack).as(categories.toString()).isNotNull();
        assertThat(hack.get("direct").asText()).isEqualTo(Amount.sats(want.direct(RiskCategory.HACK)).toPlainString());
        assertThat(hack.get("indirect").asText()).isEqualTo(Amount.sats(want.indirect(RiskCategory.HACK)).toPlainString());
    }

    private static List<String> exposedDeposits(int n) {
        List<String> out = new ArrayList<>();
        for (GroundTruth.Deposit d : scenario.truth().fifo().deposits()) {
            if (out.size() < n && expectedOf(d.address()).total(RiskCategory.HACK) > 0) {
                out.add(d.address());
            }
        }
        assertThat(out).hasSize(n);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
