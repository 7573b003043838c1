package dev.cordon.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import dev.cordon.core.Amount;
import dev.cordon.intel.crosschain.ThorchainDeposits;
import dev.cordon.intel.scenario.GroundTruth;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon trace} on the laundering scenario with three THORChain-style swaps: the vault is
 * an endpoint, and each inbound swap is shown with its destination and its outbound Bitcoin
 * payment in the table, JSON, CSV and HTML report, as the ground truth names them.
 */
class TraceSwapsTest {
    @TempDir
    Path tmp;

    @Test
    void trace_forwardIntoAVault_showsEachSwapsDestinationAndOutbound() throws Exception {
        LaunderingScenario.Scenario s = ingested();
        Path data = tmp.resolve("data");
        List<String> args = new ArrayList<>(List.of("trace", "--model", "fifo", "--labels", s.labelsFile().toString(),
                "--data", data.toString(), "--csv", tmp.resolve("t.csv").toString(), "--html", tmp.resolve("t.html").toString(),
                "--from"));
        s.truth().theft().outputs().forEach(o -> args.add(o.outpoint()));
        CliRun json = CliRun.of(concat(args, "--json"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode swaps = Json.mapper().readTree(json.out()).get("swaps");
        Map<String, JsonNode> byInbound = new HashMap<>();
        swaps.forEach(n -> byInbound.put(n.get("inbound").asText(), n));
        List<GroundTruth.ThorchainSwap> truth = s.truth().thorchain();
        assertThat(byInbound).hasSize(truth.size());
        String csv = Files.readString(tmp.resolve("t.csv"));
        String html = Files.readString(tmp.resolve("t.html"));
        CliRun text = CliRun.of(args.toArray(String[]::new));
        for (GroundTruth.ThorchainSwap t : truth) {
            JsonNode n = byInbound.get(t.inboundTxid() + ":0");
            assertThat(n).as(t.inboundTxid()).isNotNull();
            assertThat(n.get("vault").asText()).isEqualTo(t.vault());
            assertThat(n.get("tainted").asLong()).isEqualTo(t.inboundValue());
            assertThat(List.of(n.get("destChain").asText(), n.get("destAsset").asText(), n.get("destAddress").asText()))
                    .containsExactly("BTC", "BTC.BTC", t.destination());
            assertThat(n.at("/outbound/txid").asText()).isEqualTo(t.outboundTxid());
            assertThat(n.at("/outbound/address").asText()).isEqualTo(t.destination());
            assertThat(n.at("/outbound/value").asLong()).isEqualTo(t.outboundValue());
            String outbound = t.outboundTxid() + ":0 -> " + t.destination() + " (" + Amount.sats(t.outboundValue()).toPlainString() + ")";
            assertThat(text.out()).contains(t.inboundTxid() + ":0").contains("BTC BTC.BTC " + t.destination()).contains(outbound);
            assertThat(csv).contains(t.inboundTxid() + ":0").contains("BTC BTC.BTC " + t.destination())
                    .contains(t.outboundTxid() + ":0 " + t.destination() + " " + t.outboundValue());
            assertThat(html).contains("<td class=mono>BTC BTC.BTC " + t.destination() + "</td><td class=mono>"
                    + TraceHtml.esc(outbound) + "</td>");
        }
        JsonNode vault = null;
        for (JsonNode e : Json.mapper().readTree(json.out()).get("endpoints")) {
            if (e.get("entity").asText().equals(ThorchainDeposits.ENTITY)) {
                vault = e;
            }
        }
        assertThat(vault).isNotNull();
        assertThat(vault.get("amount").asLong()).isEqualTo(truth.stream().mapToLong(GroundTruth.ThorchainSwap::inboundValue).sum());
        assertThat(Json.mapper().readTree(TraceHtmlTest.island(html)).get("swaps")).hasSize(truth.size());
    }

    /**
     * Followed through each swap, the trace goes on from the outbound payment with the inbound's
     * tainted share, and the endpoints before and after the swaps are, together, exactly the
     * ground truth's FIFO deposits (whose oracle sees the vault as an ordinary address).
     */
    @Test
    void trace_followsEachSwapFromItsOutbound_matchingTheGroundTruth() throws Exception {
        LaunderingScenario.Scenario s = ingested();
        Path data = tmp.resolve("data");
        List<String> args = new ArrayList<>(List.of("trace", "--model", "fifo", "--labels", s.labelsFile().toString(),
                "--data", data.toString(), "--json", "--from"));
        s.truth().theft().outputs().forEach(o -> args.add(o.outpoint()));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = Json.mapper().readTree(run.out());
        Map<String, Long> reached = new HashMap<>();
        j.get("endpoints").forEach(e -> {
            if (!e.get("entity").asText().equals(ThorchainDeposits.ENTITY)) {
                reached.merge(e.get("address").asText(), e.get("amount").asLong(), Long::sum);
            }
        });
        Map<String, JsonNode> legs = new HashMap<>();
        j.get("continued").forEach(l -> legs.put(l.get("seed").asText(), l));
        for (GroundTruth.ThorchainSwap t : s.truth().thorchain()) {
            JsonNode leg = legs.get(t.outboundTxid() + ":0");
            assertThat(leg).as(t.outboundTxid()).isNotNull();
            assertThat(leg.get("share").asDouble()).isEqualTo(1.0);
            JsonNode r = leg.at("/reports/0");
            assertThat(r.get("seeded").asLong()).isEqualTo(t.outboundValue());
            assertThat(r.get("seeded").asLong() - r.get("overlap").asLong()).isEqualTo(r.get("atEndpoints").asLong()
                    + r.get("held").asLong() + r.get("fees").asLong() + r.get("untraced").asLong());
            r.get("endpoints").forEach(e -> reached.merge(e.get("address").asText(), e.get("amount").asLong(), Long::sum));
        }
        assertThat(legs).hasSize(s.truth().thorchain().size());
        Map<String, Long> expected = new HashMap<>();
        s.truth().fifo().deposits().forEach(d -> expected.put(d.address(), d.amount()));
        assertThat(reached).isEqualTo(expected);
    }

    /** The 3-swap scenario, ingested into {@code tmp/data}. */
    private LaunderingScenario.Scenario ingested() {
        LaunderingScenario.Scenario s = LaunderingScenario.generate(tmp.resolve("blocks"),
                ScenarioConfig.small(20240221L).withThorchainSwaps(3));
        CliRun ingest = CliRun.of("ingest", "bitcoin", "--blocks", tmp.resolve("blocks").toString(), "--data",
                tmp.resolve("data").toString(), "--no-exposure", "--no-cluster");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        return s;
    }

    private static String[] concat(List<String> args, String more) {
        List<String> all = new ArrayList<>(args);
        all.add(more);
        return all.toArray(String[]::new);
    }
}
