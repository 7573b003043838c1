package dev.cordon.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import dev.cordon.core.Category;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Flow;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Tx;
import dev.cordon.intel.scenario.eth.EthGroundTruth.AssetTruth;
import dev.cordon.intel.scenario.eth.EthGroundTruth.EndpointTruth;
import dev.cordon.intel.scenario.eth.EthLaunderingScenario;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the Ethereum tracing tests share: ingest and trace through the command line, compare with what was sent. */
final class EthTraceFixtures {
    private EthTraceFixtures() {
    }

    /** {@code cordon ingest ethereum --rpc URL --traces DIALECT --to TIP} into {@code data}; checks every block was applied. */
    static void ingest(String url, String dialect, long tip, Path data) throws IOException {
        JsonNode j = json(CliRun.of("ingest", "ethereum", "--rpc", url, "--traces", dialect, "--to", Long.toString(tip),
                "--data", data.toString(), "--json"));
        assertThat(j.get("blocks_applied").asLong()).isEqualTo(tip + 1);
    }

    /** A flow as one comparable line: "kind from to units asset", lowercase. */
    static String line(String kind, String from, String to, String units, String asset) {
        return (kind + " " + from + " " + to + " " + units + " " + asset).toLowerCase(Locale.ROOT);
    }

    /** What the generator (or a test) says the transaction made, fees first. */
    static List<String> expected(Tx tx) {
        List<String> out = new ArrayList<>();
        for (Flow f : tx.all()) {
            out.add(line(f.kind().name(), f.from().value(), f.to().value(), f.amount().toString(),
                    EthLaunderingScenario.assetName(f.asset())));
        }
        return out;
    }

    /** The transfers cordon stored for the transaction, in position order ({@code cordon tx --json}). */
    static List<String> stored(Path data, Tx tx) throws IOException {
        JsonNode j = json(CliRun.of("tx", tx.hash(), "--data", data.toString(), "--json"));
        assertThat(j.get("block_height").asLong()).as(tx.hash()).isEqualTo(tx.block());
        List<String> out = new ArrayList<>();
        int position = 0;
        for (JsonNode t : j.get("transfers")) {
            assertThat(t.get("position").asInt()).isEqualTo(position++);
            assertThat(t.get("tx_index").asInt()).isEqualTo(tx.index());
            JsonNode contract = t.at("/amount/contract");
            out.add(line(t.get("kind").asText(), t.get("from").asText(), t.get("to").asText(),
                    t.at("/amount/units").asText(), contract.isMissingNode() ? "ETH" : contract.asText()));
        }
        return out;
    }

    /**
     * {@code cordon trace --from HASH... --model MODEL --labels FILE --json}: each asset's report,
     * keyed {@code ETH} or by the token contract in lowercase.
     */
    static Map<String, JsonNode> trace(Path data, List<String> theft, String model, Path labels) throws IOException {
        List<String> args = new ArrayList<>(List.of("trace", "--from"));
        args.addAll(theft);
        args.addAll(List.of("--model", model, "--labels", labels.toString(), "--data", data.toString(), "--json"));
        JsonNode j = json(CliRun.of(args.toArray(String[]::new)));
        assertThat(j.get("chain").asText()).isEqualTo("ethereum");
        assertThat(j.get("model").asText()).isEqualTo(model);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode a : j.get("assets")) {
            out.put(a.get("contract").isNull() ? "ETH" : a.get("contract").asText().toLowerCase(Locale.ROOT), a);
        }
        return out;
    }

    /**
     * A FIFO report must name every endpoint of the truth with its exact amount, category and first
     * block, nothing else, and the same totals: endpoints + held + fees = stolen, nothing untraced.
     */
    static void assertFifoMatches(JsonNode report, AssetTruth truth) {
        String asset = truth.asset();
        assertThat(report.get("seeded").bigIntegerValue()).as(asset + " seeded").isEqualTo(new BigInteger(truth.stolenValue()));
        assertThat(report.get("atEndpoints").bigIntegerValue()).as(asset + " at endpoints")
                .isEqualTo(new BigInteger(truth.endpointValue()));
        assertThat(report.get("held").bigIntegerValue()).as(asset + " held").isEqualTo(new BigInteger(truth.heldValue()));
        assertThat(report.get("fees").bigIntegerValue()).as(asset + " fees").isEqualTo(new BigInteger(truth.feeValue()));
        assertThat(report.get("untraced").bigIntegerValue()).as(asset + " untraced").isZero();
        Map<String, String> got = new TreeMap<>();
        for (JsonNode e : report.get("endpoints")) {
            got.put(e.get("address").asText().toLowerCase(Locale.ROOT), e.get("amount").bigIntegerValue() + " "
                    + e.get("category").asText() + " " + e.get("firstHeight").asLong());
        }
        Map<String, String> want = new TreeMap<>();
        for (EndpointTruth e : truth.endpoints()) {
            want.put(e.address(), e.amount() + " " + Category.parse(e.category()).code() + " " + e.firstBlock());
        }
        assertThat(got).as(asset + " endpoints").isEqualTo(want);
    }

    /** A conserving model's report: endpoints + held + fees equal what was seeded, nothing untraced. */
    static void assertBalances(JsonNode report, BigInteger stolen) {
        assertThat(report.get("conserving").asBoolean()).isTrue();
        assertThat(report.get("seeded").bigIntegerValue()).isEqualTo(stolen);
        assertThat(report.get("untraced").bigIntegerValue()).isZero();
        assertThat(report.get("atEndpoints").bigIntegerValue().add(report.get("held").bigIntegerValue())
                .add(report.get("fees").bigIntegerValue())).as(report.get("model").asText()).isEqualTo(stolen);
    }

    static JsonNode json(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }
}
