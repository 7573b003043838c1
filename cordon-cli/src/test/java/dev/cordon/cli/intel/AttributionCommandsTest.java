package dev.cordon.cli.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.core.Chain;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.store.ChainStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clustering during ingest, labels and clusters in {@code cordon address}, and trace endpoints
 * from the label store, on the real first 439 mainnet blocks (which hold no multi-input
 * transaction) and on a generated chain (which holds many).
 */
class AttributionCommandsTest {
    private static final String SATOSHI = "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S";
    private static final String HAL = "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3";
    private static final String BLOCK_170_TX = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";
    /** Block 9's coinbase, which Satoshi spent in block 170. */
    private static final String BLOCK_9_COINBASE = "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9";
    private static final String SOURCE = "https://example.org/case-2009-01";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path blk;

    @BeforeAll
    static void copyBlocks() throws IOException {
        try (InputStream in = AttributionCommandsTest.class.getResourceAsStream("/dev/cordon/cli/demo/bitcoin/first-100k-blocks.dat")) {
            blk = Files.write(tmp.resolve("blk00000.dat"), in.readAllBytes());
        }
    }

    static Path ingest(String name, String... extra) throws IOException {
        Path data = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("ingest", "bitcoin", "--blocks", blk.toString(), "--data", data.toString(), "--json"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return data;
    }

    static JsonNode json(CliRun r) throws IOException {
        return MAPPER.readTree(r.out());
    }

    static void importList(Path data, String address, String label, String category) throws IOException {
        Path list = Files.writeString(tmp.resolve(label.replace(' ', '-') + ".txt"), address + "\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("intel", "import", list.toString(), "--format", "list", "--label", label, "--category", category,
                "--source", SOURCE, "--currency", "BTC", "--data", data.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }

    @Test
    void ingest_realBlocks_clustersEveryAddressAloneAndResumesFromTheCursor() throws IOException {
        Path data = tmp.resolve("cluster");
        CliRun first = CliRun.of("ingest", "bitcoin", "--blocks", blk.toString(), "--data", data.toString(), "--json");
        JsonNode c = json(first).get("clustering");
        assertThat(c.get("from_height").asLong()).isZero();
        assertThat(c.get("to_height").asLong()).isEqualTo(438);
        assertThat(c.get("transactions").asLong()).isEqualTo(446);
        assertThat(c.get("multi_input_transactions").asLong()).isZero();
        assertThat(c.get("merges").asLong()).isZero();
        assertThat(c.get("clusters").asLong()).isEqualTo(c.get("addresses").asLong());
        try (ChainStore store = ChainStores.openExisting(data)) {
            assertThat(c.get("addresses").asLong()).isEqualTo(store.addressCount(Chain.BITCOIN));
        }
        JsonNode again = json(CliRun.of("ingest", "bitcoin", "--blocks", blk.toString(), "--data", data.toString(), "--json"))
                .get("clustering");
        assertThat(again.get("from_height").asLong()).isEqualTo(439);
        assertThat(again.get("transactions").asLong()).isZero();
        CliRun cluster = CliRun.of("cluster", SATOSHI, "--data", data.toString(), "--json");
        assertThat(cluster.exitCode()).as(cluster.err()).isZero();
        assertThat(json(cluster).get("size").asInt()).isEqualTo(1);
    }

    @Test
    void address_sanctionLabel_exitsWithFindingsAndNamesTheSource() throws IOException {
        Path data = ingest("address");
        importList(data, SATOSHI, "Test sanction", "sanction");
        CliRun r = CliRun.of("address", SATOSHI, "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode intel = json(r).get("intel");
        assertThat(intel.get("risk").asText()).isEqualTo("severe");
        assertThat(intel.at("/labels/0/label").asText()).isEqualTo("Test sanction");
        assertThat(intel.at("/labels/0/source").asText()).isEqualTo(SOURCE);
        assertThat(intel.at("/entity/label").asText()).isEqualTo("Test sanction");
        assertThat(intel.at("/cluster/size").asInt()).isEqualTo(1);
        CliRun text = CliRun.of("address", SATOSHI, "--data", data.toString());
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("risk", "severe  FINDING", "Test sanction");
        CliRun hal = CliRun.of("address", HAL, "--data", data.toString(), "--json");
        assertThat(hal.exitCode()).isZero();
        assertThat(json(hal).at("/intel/labels").size()).isZero();
    }

    @Test
    void address_withoutIntelStore_hasNoIntelSection() throws IOException {
        Path data = ingest("nointel", "--no-cluster");
        CliRun r = CliRun.of("address", SATOSHI, "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(json(r).has("intel")).isFalse();
        assertThat(Files.exists(data.resolve("intel"))).isFalse();
    }

    @Test
    void trace_endpointsAndSourcesComeFromTheLabelStore() throws IOException {
        Path data = ingest("trace");
        importList(data, HAL, "Hal Exchange", "exchange");
        importList(data, SATOSHI, "Early miner", "sanction");
        CliRun fwd = CliRun.of("trace", "--from", BLOCK_9_COINBASE + ":0", "--model", "fifo", "--data", data.toString(), "--json");
        assertThat(fwd.exitCode()).as(fwd.err()).isZero();
        assertThat(fwd.out()).as(fwd.out()).contains("Hal Exchange");
        JsonNode f = json(fwd);
        assertThat(f.at("/endpoints/0/address").asText()).isEqualTo(HAL);
        assertThat(f.at("/endpoints/0/entity").asText()).isEqualTo("Hal Exchange");
        assertThat(f.at("/endpoints/0/amount").asLong()).isEqualTo(1_000_000_000L);
        CliRun back = CliRun.of("trace", "--from", BLOCK_170_TX + ":0", "--model", "fifo", "--backward",
                "--data", data.toString(), "--json");
        assertThat(back.exitCode()).as(back.err()).isZero();
        JsonNode b = json(back);
        assertThat(b.at("/endpoints/0/address").asText()).isEqualTo(SATOSHI);
        assertThat(b.at("/endpoints/0/entity").asText()).isEqualTo("Early miner");
        assertThat(b.at("/endpoints/0/category").asText()).isEqualTo("sanction");
        Path file = Files.writeString(tmp.resolve("override.csv"), "address,entity,category\n" + HAL + ",Hal Bridge,bridge\n");
        CliRun over = CliRun.of("trace", "--from", BLOCK_9_COINBASE + ":0", "--model", "fifo", "--labels", file.toString(),
                "--data", data.toString(), "--json");
        assertThat(json(over).at("/endpoints/0/entity").asText()).isEqualTo("Hal Bridge");
    }

    @Test
    void ingest_generatedChain_putsTheInputsOfAMultiInputTxInOneCluster() throws IOException {
        Path gen = tmp.resolve("generated");
        LaunderingScenario.generate(gen, ScenarioConfig.small(4242L));
        Path data = tmp.resolve("gen-data");
        CliRun r = CliRun.of("ingest", "bitcoin", "--blocks", gen.toString(), "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(json(r).at("/clustering/merges").asLong()).isPositive();
        List<String> inputs = new ArrayList<>();
        try (ChainStore store = ChainStores.openExisting(data)) {
            store.forEachTx(Chain.BITCOIN, 0, tx -> {
                if (tx.coinbase() || tx.inputCount() != 2 || tx.outputCount() > 2 || tx.inputAddressId(0) == tx.inputAddressId(1)) {
                    return true;
                }
                for (int i = 0; i < 2; i++) {
                    inputs.add(store.addressById(Chain.BITCOIN, tx.inputAddressId(i)).orElseThrow().value());
                }
                return false;
            });
        }
        assertThat(inputs).hasSize(2);
        CliRun c = CliRun.of("cluster", inputs.get(0), "--data", data.toString(), "--json", "--members", "100000");
        assertThat(c.exitCode()).as(c.err()).isZero();
        List<String> members = new ArrayList<>();
        json(c).get("members").forEach(m -> members.add(m.asText()));
        assertThat(members).contains(inputs.get(0), inputs.get(1));
        CliRun rebuilt = CliRun.of("cluster", "rebuild", "--data", data.toString(), "--json");
        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        assertThat(json(rebuilt).get("merges").asLong()).isEqualTo(json(r).at("/clustering/merges").asLong());
    }
}
