package dev.cordon.cli.trace;

import dev.cordon.cli.Json;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.intel.account.AccountGraph;
import dev.cordon.intel.account.AccountGraphBuilder;
import dev.cordon.intel.account.AccountGraphFile;
import dev.cordon.intel.account.AccountTraceRequest;
import dev.cordon.intel.account.AccountTracer;
import dev.cordon.intel.crosschain.ThorchainDeposits;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TraceLimits;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.intel.trace.TaintModels;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.store.ChainStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cordon trace} on Ethereum, forward or ({@code --backward}) to the sources: the models act
 * on account balances per asset, and the answer is one report per seeded asset (ETH, then tokens).
 * The account graph is kept in {@code <data>/graph/eth.graph} and extended from the chain store's
 * Ethereum transfers before each run. A forward trace lists the THORChain router deposits among
 * each asset's endpoint arrivals ({@link EthSwaps}) and follows swaps to Bitcoin from their
 * outbound payment when the store holds it.
 */
final class AccountTraceRun {
    private final TraceCommand cmd;
    private final List<TraceSeed> seeds;
    private final ChainStore store;

    AccountTraceRun(TraceCommand cmd, List<TraceSeed> seeds, ChainStore store) {
        this.cmd = cmd;
        this.seeds = seeds;
        this.store = store;
    }

    int run() {
        AccountTraceRequest request = request();
        AccountGraph graph = graph(cmd.common.dataDir(), store);
        Map<Address, Endpoint> labels = cmd.labels == null ? Map.of() : TraceCommand.readLabels(cmd.labels, !cmd.backward);
        EndpointResolver endpoints = StoreEndpoints.resolve(cmd.common.dataDir(), store, Chain.ETHEREUM, labels,
                cmd.backward);
        AccountTracer tracer = new AccountTracer(graph, store.ethereum(), endpoints);
        List<TraceReport> reports = cmd.backward ? tracer.backward(request) : tracer.forward(request);
        List<EthSwaps.Found> swaps = new ArrayList<>();
        List<List<SwapFollow.Leg>> legs = new ArrayList<>();
        if (!cmd.backward) {
            swaps(reports, labels, swaps, legs);
        }
        if (cmd.csv != null) {
            AccountTraceOutput.writeCsv(cmd.csv, reports);
        }
        if (cmd.html != null) {
            AccountTraceOutput.writeHtml(cmd.html, reports, question(graph));
        }
        if (cmd.common.json()) {
            Json.print(System.out, AccountTraceOutput.json(reports, swaps, legs));
        } else {
            AccountTraceOutput.print(System.out, reports, swaps, legs);
        }
        return 0;
    }

    /**
     * Fills {@code swaps} and {@code legs}, one entry per report: the router deposits reached and,
     * for swaps to Bitcoin, their Bitcoin outbounds and (unless {@code --no-follow-swaps}) the
     * Bitcoin traces from them. The Bitcoin graph is read only when a swap goes to Bitcoin.
     */
    private void swaps(List<TraceReport> reports, Map<Address, Endpoint> labels, List<EthSwaps.Found> swaps,
                       List<List<SwapFollow.Leg>> legs) {
        for (TraceReport r : reports) {
            swaps.add(EthSwaps.of(r, store.ethereum()));
        }
        if (swaps.stream().noneMatch(EthSwaps.Found::toBitcoin)) {
            swaps.forEach(f -> legs.add(List.of()));
            return;
        }
        UtxoGraph btc = cmd.graph(store);
        ThorchainDeposits thorchain = ThorchainDeposits.scan(btc, store);
        EndpointResolver btcEnds = thorchain.endpoints(StoreEndpoints.resolve(cmd.common.dataDir(), store, Chain.BITCOIN,
                labels, false));
        TraceRequest template = TraceRequest.of(seeds, TaintModels.named(cmd.model)).withMaxPaths(cmd.paths)
                .withLimits(new TraceLimits(cmd.maxHops == null ? Integer.MAX_VALUE : cmd.maxHops, 0, Long.MAX_VALUE));
        for (int i = 0; i < swaps.size(); i++) {
            EthSwaps.Found f = EthSwaps.withOutbounds(swaps.get(i), thorchain);
            swaps.set(i, f);
            legs.add(cmd.followSwaps ? EthSwaps.follow(f, template, store, btc, btcEnds) : List.of());
        }
    }

    /**
     * The account graph of {@code <data>/graph/eth.graph}, extended from the store (rebuilt when
     * the store was rolled back under it, or when the file is unreadable) and saved when it changed.
     */
    static AccountGraph graph(Path dataDir, ChainStore store) {
        Path file = dataDir.resolve("graph").resolve("eth.graph");
        AccountGraph g = null;
        if (Files.isRegularFile(file)) {
            try {
                g = AccountGraphFile.load(file);
            } catch (CordonException e) {
                System.err.println("cordon: " + e.getMessage() + "; rebuilding it from the chain store");
            }
        }
        long before = g == null ? -1 : g.flowCount();
        AccountGraph current = AccountGraphBuilder.current(g == null ? new AccountGraph() : g, store.ethereum());
        if (current != g || current.flowCount() != before) {
            AccountGraphFile.save(current, file);
        }
        return current;
    }

    private AccountTraceRequest request() {
        AccountTraceRequest r = AccountTraceRequest.of(seeds, TaintModels.named(cmd.model)).withMaxPaths(cmd.paths);
        if (cmd.amount != null) {
            r = r.withAmount(cmd.amount);
        }
        if (cmd.since != null) {
            r = r.withSince(TraceCommand.parseTime(cmd.since));
        }
        return r.withLimits(cmd.maxHops == null ? Integer.MAX_VALUE : cmd.maxHops, Optional.ofNullable(cmd.minValue),
                cmd.until == null ? Long.MAX_VALUE : cmd.until);
    }

    private TraceHtml.Question question(AccountGraph graph) {
        long height = graph.lastHeight();
        java.time.Instant time = java.time.Instant.ofEpochSecond(Math.max(0, graph.blockTime(height)));
        String limits = "max hops " + (cmd.maxHops == null ? "none" : cmd.maxHops)
                + ", min value " + (cmd.minValue == null ? "0" : cmd.minValue.toPlainString()) + " per asset"
                + ", until block " + (cmd.until == null ? "tip" : cmd.until)
                + (cmd.amount == null ? "" : ", amount " + cmd.amount.toPlainString() + " per asset")
                + (cmd.since == null ? "" : ", since " + TraceCommand.parseTime(cmd.since));
        return new TraceHtml.Question(cmd.from, cmd.model, limits, height, time,
                TraceHtml.labelSources(cmd.common.dataDir(), cmd.labels), Clock.system().now());
    }
}
