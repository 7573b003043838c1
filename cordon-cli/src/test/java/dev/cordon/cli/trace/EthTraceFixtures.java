package dev.cordon.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Flow;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Tx;
import dev.cordon.intel.scenario.eth.EthLaunderingScenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the Ethereum tracing tests share: ingest through the command line and compare stored transfers. */
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

    static JsonNode json(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }
}
