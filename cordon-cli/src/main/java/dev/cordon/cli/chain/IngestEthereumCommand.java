package dev.cordon.cli.chain;

import dev.cordon.cli.CommonOptions;
import dev.cordon.cli.Json;
import dev.cordon.cli.Progress;
import dev.cordon.cli.intel.EthereumClustering;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.account.BlockRef;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.core.account.EthereumSink;
import dev.cordon.ethereum.etl.EtlImport;
import dev.cordon.ethereum.flow.BlockFlowDecoder;
import dev.cordon.ethereum.flow.TraceDialect;
import dev.cordon.ethereum.ingest.EthereumIngest;
import dev.cordon.ethereum.ingest.IngestOptions;
import dev.cordon.ethereum.ingest.RpcBlockSource;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.RpcSettings;
import dev.cordon.ethereum.rpc.Sleeper;
import dev.cordon.store.ChainStore;
import dev.cordon.store.EthereumStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cordon ingest ethereum}: blocks with their internal calls and token transfers from a
 * node's JSON-RPC, or an ethereum-etl export, into the store's Ethereum columns. Each block
 * commits with the checkpoint; running the command again resumes after it. Reorganisations are
 * followed by rolling the store back to the common ancestor.
 */
@Command(name = "ethereum", mixinStandardHelpOptions = true,
        description = "Ingest Ethereum blocks (value, internal calls, token transfers) over JSON-RPC or from an ethereum-etl export.")
public final class IngestEthereumCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--rpc", paramLabel = "URL", description = "Node JSON-RPC endpoint, e.g. http://127.0.0.1:8545.")
        URI rpc;

        @Option(names = "--etl", paramLabel = "DIR", description = "ethereum-etl export folder (blocks.csv, transactions.csv, ...).")
        Path etl;
    }

    @Option(names = "--from", paramLabel = "N", description = "First block when the store holds none (default 0).")
    Long from;

    @ArgGroup(exclusive = true)
    End end;

    static final class End {
        @Option(names = "--to", paramLabel = "M", description = "Last block to ingest.")
        Long to;

        @Option(names = "--follow", description = "Keep following the tip, --confirmations blocks behind it.")
        boolean follow;
    }

    @Option(names = "--traces", defaultValue = "parity", paramLabel = "DIALECT",
            description = "parity (trace_block), geth (debug_traceBlockByNumber callTracer) or none (default: ${DEFAULT-VALUE}).")
    String traces;

    @Option(names = "--confirmations", defaultValue = "12", paramLabel = "K",
            description = "With --follow, stay K blocks behind the tip (default: ${DEFAULT-VALUE}).")
    int confirmations;

    @Option(names = "--batch", defaultValue = "20", paramLabel = "N", description = "Blocks per JSON-RPC batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--no-cluster",
            description = "Do not update the deposit-address clusters in <data>/intel now (a later ingest catches up).")
    boolean noCluster;

    @Option(names = "--no-exposure",
            description = "Do not bring the Ethereum exposure index (<data>/graph/eth.exposure) up to date now.")
    boolean noExposure;

    @Option(names = "--exposure-hops", defaultValue = "3", paramLabel = "N",
            description = "Hop cap of the maintained exposure index, 1..8 (default: ${DEFAULT-VALUE}).")
    int exposureHops;

    @Override
    public Integer call() {
        Clock clock = Clock.system();
        long t0 = clock.millis();
        try (ChainStore store = ChainStores.openOrCreate(common.dataDir())) {
            EthereumStore eth = store.ethereum();
            long before = eth.transferCount();
            Map<String, Object> summary = Json.object();
            try {
                if (source.etl != null) {
                    fromEtl(eth, clock, summary);
                } else {
                    fromRpc(eth, clock, summary);
                }
            } catch (CordonException e) {
                String tip = eth.checkpoint().map(BlockRef::toString).orElse("empty");
                throw new CordonException(e.code(), e.getMessage() + " (store tip: " + tip + ")", e);
            }
            summary.put("transfers_stored", eth.transferCount() - before);
            summary.put("tip_height", eth.checkpoint().map(BlockRef::height).orElse(-1L));
            summary.put("tip_hash", eth.checkpoint().map(r -> "0x" + r.hash().hex()).orElse(null));
            summary.put("seconds", (clock.millis() - t0) / 1000.0);
            if (!noCluster) {
                summary.put("clustering", EthereumClustering.catchUp(common.dataDir(), store, clock, false));
            }
            if (!noExposure) {
                long e0 = clock.millis();
                var r = dev.cordon.cli.trace.EthExposureUpkeep.current(common.dataDir(), store, exposureHops);
                Map<String, Object> x = Json.object();
                x.put("flows_applied", r.applied());
                x.put("hops", exposureHops);
                x.put("risk_labelled_addresses", r.risk().size());
                x.put("seconds", (clock.millis() - e0) / 1000.0);
                summary.put("exposure", x);
            }
            print(summary);
        }
        return 0;
    }

    private void fromEtl(EthereumStore eth, Clock clock, Map<String, Object> summary) {
        if (from != null || end != null) {
            throw new CordonException(ErrorCode.USAGE, "--from, --to and --follow apply to --rpc; --etl imports the whole export");
        }
        try (Progress progress = new Progress("ingest", "blocks", 0, clock)) {
            EtlImport.Result r = EtlImport.importDir(source.etl, new Counting(eth, progress));
            summary.put("source", "etl " + source.etl);
            summary.put("blocks_applied", r.blocks());
            summary.put("transfers", r.transfers());
        }
    }

    private void fromRpc(EthereumStore eth, Clock clock, Map<String, Object> summary) {
        if (end == null) {
            throw new CordonException(ErrorCode.USAGE, "give --to M or --follow with --rpc");
        }
        TraceDialect dialect = TraceDialect.parse(traces);
        OptionalLong f = from == null ? OptionalLong.empty() : OptionalLong.of(from);
        IngestOptions opts = end.follow ? IngestOptions.follow(f, confirmations)
                : new IngestOptions(f, OptionalLong.of(end.to), false, confirmations, 20,
                        java.time.Duration.ofSeconds(4), 64, 5, java.time.Duration.ofMillis(500));
        opts = opts.withBatchSize(batch);
        JsonRpcClient rpc = new JsonRpcClient(RpcSettings.defaults(source.rpc));
        long start = eth.checkpoint().map(r -> r.height() + 1).orElse(from == null ? 0 : from);
        long total = end.follow ? 0 : end.to - start + 1;
        try (Progress progress = new Progress("ingest", "blocks", total, clock)) {
            EthereumIngest.Result r = new EthereumIngest(new RpcBlockSource(rpc, dialect, new BlockFlowDecoder()),
                    new Counting(eth, progress), opts, clock, Sleeper.system()).run();
            summary.put("source", "rpc " + rpc.settings().redactedEndpoint());
            summary.put("traces", dialect.code());
            summary.put("blocks_applied", r.blocksApplied());
            summary.put("transfers", r.transfers());
            summary.put("reorgs", r.reorgs());
        }
    }

    private void print(Map<String, Object> summary) {
        if (common.json()) {
            Json.print(System.out, summary);
            return;
        }
        System.out.printf("ingested %,d Ethereum blocks, %,d transfers in %.1f s%n", summary.get("blocks_applied"),
                summary.get("transfers"), ((Number) summary.get("seconds")).doubleValue());
        System.out.println("tip: block " + summary.get("tip_height") + "  " + summary.get("tip_hash"));
        if (summary.get("clustering") instanceof Map<?, ?> c) {
            System.out.printf("clustered heights %s..%s%s: %,d transfers, %,d deposit addresses, %,d merges, %,d addresses in %,d clusters%n",
                    c.get("from_height"), c.get("to_height"), Boolean.TRUE.equals(c.get("rebuilt")) ? " (rebuilt after a reorganisation)" : "",
                    c.get("transfers"), c.get("deposit_addresses"), c.get("merges"), c.get("addresses"), c.get("clusters"));
        }
    }

    /** The store as a sink that moves the progress bar by one per applied block. */
    private static final class Counting implements EthereumSink {
        private final EthereumSink sink;
        private final Progress progress;
        private long applied;

        Counting(EthereumSink sink, Progress progress) {
            this.sink = sink;
            this.progress = progress;
        }

        @Override
        public void applyBlock(EthBlockFlows block) {
            sink.applyBlock(block);
            progress.update(++applied);
        }

        @Override
        public void rollbackTo(long height) {
            sink.rollbackTo(height);
        }

        @Override
        public Optional<BlockRef> checkpoint() {
            return sink.checkpoint();
        }

        @Override
        public List<BlockRef> recentBlocks(int limit) {
            return sink.recentBlocks(limit);
        }
    }
}
