package dev.cordon.cli.trace;

import dev.cordon.cli.Json;
import dev.cordon.core.Chain;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.account.AccountGraph;
import dev.cordon.intel.account.AccountGraphBuilder;
import dev.cordon.intel.account.AccountTraceRequest;
import dev.cordon.intel.account.AccountTracer;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.TaintModels;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.store.ChainStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cordon trace} on Ethereum: the models act on account balances per asset, and the
 * answer is one report per seeded asset (ETH, then tokens). The account graph is built from the
 * chain store's Ethereum transfers for each run.
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
        if (cmd.backward) {
            throw new CordonException(ErrorCode.USAGE, "--backward traces Bitcoin; an Ethereum source of funds is "
                    + "answered by cordon exposure and by a forward trace from the suspected sources");
        }
        AccountTraceRequest request = request();
        AccountGraph graph = AccountGraphBuilder.build(store.ethereum());
        EndpointResolver endpoints = StoreEndpoints.resolve(cmd.common.dataDir(), store, Chain.ETHEREUM,
                cmd.labels == null ? Map.of() : TraceCommand.readLabels(cmd.labels, true), false);
        List<TraceReport> reports = new AccountTracer(graph, store.ethereum(), endpoints).forward(request);
        if (cmd.csv != null) {
            AccountTraceOutput.writeCsv(cmd.csv, reports);
        }
        if (cmd.html != null) {
            AccountTraceOutput.writeHtml(cmd.html, reports, question(graph));
        }
        if (cmd.common.json()) {
            Json.print(System.out, AccountTraceOutput.json(reports));
        } else {
            AccountTraceOutput.print(System.out, reports);
        }
        return 0;
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
