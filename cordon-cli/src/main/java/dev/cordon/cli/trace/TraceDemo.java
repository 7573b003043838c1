package dev.cordon.cli.trace;

import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.cli.chain.BitcoinIngest;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.cli.demo.DemoContext;
import dev.cordon.cli.demo.DemoSection;
import dev.cordon.core.Amount;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import dev.cordon.intel.crosschain.ThorchainDeposits;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.scenario.GroundTruth;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.MapEndpointResolver;
import dev.cordon.intel.trace.TaintModel;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.intel.trace.Tracer;
import dev.cordon.store.ChainStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracing part of {@code cordon demo}: a generated theft laundered the way DPRK operations do
 * (split into fresh addresses, peel chains, CoinJoin rounds, three THORChain-style swaps, deposits
 * at several exchanges over days), written as real Bitcoin Core block files with its ground truth,
 * ingested, and traced forward under FIFO through the swaps to the exchange deposit addresses. The
 * section checks the answer against the ground truth and writes the HTML report an analyst would
 * attach to a freeze request.
 */
public final class TraceDemo implements DemoSection {
    static final long SEED = 20240221L;

    @Override
    public String key() {
        return "trace";
    }

    @Override
    public String title() {
        return "Tracing: a generated theft laundered through peel chains, CoinJoins and THORChain swaps, traced to the exchanges";
    }

    @Override
    public void run(DemoContext ctx) {
        PrintStream out = ctx.out();
        LaunderingScenario.Scenario s = LaunderingScenario.generate(ctx.workDir().resolve("scenario"),
                ScenarioConfig.small(SEED).withThorchainSwaps(3));
        GroundTruth.Theft theft = s.truth().theft();
        out.printf("generated %d blocks, %d transactions; the theft %s took %s in %d outputs%n", s.truth().blocks(),
                s.truth().transactions(), theft.txid(), Amount.sats(theft.stolenValue()), theft.outputs().size());
        Path data = ctx.workDir().resolve("data");
        List<String> from = new ArrayList<>();
        try (ChainStore store = ChainStores.openOrCreate(data)) {
            BitcoinIngest ingest = new BitcoinIngest(store, 1000, BitcoinNetwork.MAINNET);
            new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(s.dir(), ingest::accept);
            ingest.finish();
            UtxoGraph graph = GraphBuilder.build(store, Chain.BITCOIN);
            ThorchainDeposits thorchain = ThorchainDeposits.scan(graph, store);
            EndpointResolver endpoints = thorchain.endpoints(MapEndpointResolver.of(
                    TraceCommand.readLabels(s.labelsFile(), true), store));
            List<TraceSeed> seeds = new ArrayList<>();
            for (GroundTruth.StolenOutput o : theft.outputs()) {
                String[] p = o.outpoint().split(":");
                seeds.add(new TraceSeed.Output(TxId.parse(p[0]), Integer.parseInt(p[1])));
                from.add(o.outpoint());
            }
            TraceRequest request = TraceRequest.of(seeds, TaintModel.named("fifo"));
            TraceReport report = new Tracer(graph, store, endpoints).forward(request);
            List<TraceSwaps.Swap> swaps = TraceSwaps.of(report, thorchain);
            List<SwapFollow.Leg> legs = SwapFollow.follow(swaps, request, store, graph, endpoints, data);
            out.println();
            TraceOutput.print(out, report, swaps);
            SwapFollow.print(out, legs);
            Path html = ctx.workDir().resolve("trace-report.html");
            TraceHtml.write(html, report, TraceHtml.question(from, "fifo", request, store, graph, data, s.labelsFile(),
                    ctx.clock()), swaps);
            check(ctx, s.truth(), report, legs, html);
        }
        out.println();
        out.println("Explore it yourself:");
        out.println("  ./cordon trace --model haircut --labels " + s.labelsFile() + " --data " + data + " --from "
                + String.join(" ", from));
        out.println("  open " + ctx.workDir().resolve("trace-report.html") + "   (self-contained; works offline)");
    }

    /** Compares the deposits reached, before and after the swaps, with the ground truth's FIFO deposits. */
    private static void check(DemoContext ctx, GroundTruth truth, TraceReport report, List<SwapFollow.Leg> legs, Path html) {
        Map<String, Long> reached = new HashMap<>();
        report.endpoints().stream().filter(e -> !e.endpoint().entity().equals(ThorchainDeposits.ENTITY))
                .forEach(e -> reached.merge(e.address().value(), e.amount().units().longValueExact(), Long::sum));
        for (SwapFollow.Leg l : legs) {
            for (TraceReport r : l.reports()) {
                r.endpoints().forEach(e -> reached.merge(e.address().value(), e.amount().units().longValueExact(), Long::sum));
            }
        }
        Map<String, Long> expected = new HashMap<>();
        truth.fifo().deposits().forEach(d -> expected.put(d.address(), d.amount()));
        boolean matches = reached.equals(expected);
        ctx.out().println();
        ctx.out().printf("-- Against the ground truth: %d exchange deposits received stolen value; %s%n", expected.size(),
                matches ? "every one found, each amount exact to the satoshi"
                        : "MISMATCH (" + reached.size() + " found)");
        ctx.out().println("HTML report for a freeze request: " + html);
        Map<String, Object> r = dev.cordon.cli.Json.object();
        r.put("stolen", truth.theft().stolenValue());
        r.put("deposits_expected", expected.size());
        r.put("deposits_found", reached.size());
        r.put("matches_ground_truth", matches);
        r.put("balances", report.balances());
        r.put("swaps_followed", legs.size());
        r.put("report", TraceOutput.json(report));
        ctx.report().putAll(r);
    }
}
