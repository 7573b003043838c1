package dev.cordon.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.scenario.GroundTruth;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.intel.trace.FifoTaint;
import dev.cordon.intel.trace.MapEndpointResolver;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.intel.trace.Tracer;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceHtmlTest {
    @TempDir
    Path dir;

    @Test
    void render_launderingScenario_isSelfContainedWithExactAmountsAndValidData() throws Exception {
        LaunderingScenario.Scenario s = LaunderingScenario.generate(dir, ScenarioConfig.small(20240221L));
        TraceReport r;
        List<String> seeds = new ArrayList<>();
        try (ChainStore store = MemoryChainStore.create()) {
            BlockIngestor ingestor = new BlockIngestor(store, 10);
            new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(dir, ingestor::accept);
            UtxoGraph graph = GraphBuilder.build(store, Chain.BITCOIN);
            Map<Address, Endpoint> ends = new HashMap<>();
            for (GroundTruth.LabelRow l : s.truth().labels()) {
                Category c = Category.parse(l.category());
                if (c.isService()) {
                    ends.put(BitcoinAddresses.parse(l.address()), new Endpoint(l.entity(), c));
                }
            }
            List<TraceSeed> ts = new ArrayList<>();
            for (GroundTruth.StolenOutput o : s.truth().theft().outputs()) {
                seeds.add(o.outpoint());
                ts.add(TraceSeed.parse(o.outpoint(), BitcoinAddresses::parse));
            }
            r = new Tracer(graph, store, MapEndpointResolver.of(ends, store)).forward(TraceRequest.of(ts, new FifoTaint()));
        }
        TraceHtml.Question q = new TraceHtml.Question(seeds, "fifo", "none", s.truth().blocks() - 1,
                Instant.ofEpochSecond(1_700_000_000L), List.of("scenario labels.csv"), Instant.parse("2025-02-21T12:00:00Z"));
        String html = TraceHtml.render(r, q);
        Files.writeString(dir.resolve("report.html"), html);

        assertThat(html).contains(TraceHtml.library()).doesNotContainPattern("(?i)<script[^>]*\\bsrc\\s*=")
                .doesNotContainPattern("(?i)<link[^>]*\\bhref\\s*=\\s*\"?https?:");
        for (GroundTruth.Deposit d : s.truth().fifo().deposits()) {
            String btc = Amount.sats(d.amount()).toPlainString();
            assertThat(html).as(d.address()).contains("<td class=mono>" + d.address() + "</td><td class=num>" + btc + "</td>");
        }
        JsonNode data = new ObjectMapper().readTree(island(html));
        Map<String, Long> inData = new HashMap<>();
        data.get("endpoints").forEach(e -> inData.put(e.get("address").asText(), e.get("amount").asLong()));
        Map<String, Long> truth = new HashMap<>();
        s.truth().fifo().deposits().forEach(d -> truth.put(d.address(), d.amount()));
        assertThat(inData).isEqualTo(truth);
        assertThat(data.get("question").get("seeds")).hasSize(seeds.size());
        assertThat(data.get("graph").get("nodes").size()).isGreaterThan(truth.size());
        assertThat(data.get("graph").get("edges").size()).isPositive();
        assertThat(html).contains("balances: " + r.seeded().toPlainString() + " (traced - overlap) = " + r.seeded().toPlainString());
    }

    @Test
    void esc_markup_isEscaped() {
        assertThat(TraceHtml.esc("<b a=\"1\">&'")).isEqualTo("&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
    }

    static String island(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"trace-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
