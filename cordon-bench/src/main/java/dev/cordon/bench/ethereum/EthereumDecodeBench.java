package dev.cordon.bench.ethereum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.bench.Report;
import dev.cordon.bench.Sampler;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.flow.BlockFlowDecoder;
import dev.cordon.ethereum.flow.TraceDialect;
import dev.cordon.ethereum.ingest.EthereumIngest;
import dev.cordon.ethereum.ingest.InMemoryEthereumSink;
import dev.cordon.ethereum.ingest.IngestOptions;
import dev.cordon.ethereum.ingest.RpcBlockSource;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.RpcSettings;
import dev.cordon.ethereum.rpc.Sleeper;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench ethereum-decode}: how fast cordon turns Ethereum JSON-RPC results
 * (blocks, receipts and traces) into value flows, and how fast it ingests them end to end from
 * a local replay node into the in-memory sink.
 *
 * <p>The input is a deterministic chain of mainnet-shaped blocks ({@link SyntheticEthBlocks}:
 * 200 transactions, about 600 logs and 1,100 call frames per block by default). Decode figures
 * are single-threaded medians and include JSON parsing of the serialized results; the end-to-end
 * figure includes HTTP on 127.0.0.1, batching and the parallel decode. Goal (from the issue): at
 * least 5,000 mainnet-sized blocks per minute end to end, traces included, on 2 cores.
 */
@Command(name = "ethereum-decode", mixinStandardHelpOptions = true,
        description = {"Decode mainnet-shaped Ethereum blocks, receipts and traces (parity and geth) into value flows,",
                "and ingest them end to end from a local JSON-RPC replay node."})
public final class EthereumDecodeBench implements Callable<Integer> {
    static final double GOAL_BLOCKS_PER_MINUTE = 5_000;
    private static final long FIRST = 20_000_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Option(names = "--blocks", defaultValue = "60", paramLabel = "N",
            description = "Blocks in the synthetic chain (default ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--tx-per-block", defaultValue = "200", paramLabel = "N",
            description = "Transactions per block; 150-250 resembles 2024-25 mainnet (default ${DEFAULT-VALUE}).")
    int txPerBlock;

    @Option(names = "--seconds", defaultValue = "1.0", paramLabel = "S", description = "Warm-up seconds per figure (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N", description = "Timed rounds per figure; the median is reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--batch", defaultValue = "10", paramLabel = "N", description = "Blocks per JSON-RPC batch end to end (default ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws Exception {
        if (blocks < 1 || txPerBlock < 1 || rounds < 1 || batch < 1 || seconds < 0) {
            throw new CordonException(ErrorCode.USAGE, "--blocks, --tx-per-block, --rounds and --batch must be positive");
        }
        Report report = new Report("ethereum-decode");
        System.err.println("ethereum-decode: building " + blocks + " blocks of " + txPerBlock + " transactions");
        List<SyntheticEthBlocks.Raw> chain = SyntheticEthBlocks.chain(FIRST, blocks, txPerBlock, 42);
        long bytes = chain.stream().mapToLong(SyntheticEthBlocks.Raw::bytes).sum();
        report.put("blocks", blocks).put("tx_per_block", txPerBlock)
                .put("json_kb_per_block", Report.round(bytes / 1024.0 / blocks));
        Sampler sampler = new Sampler(seconds, rounds);
        long transfers = decodeAll(chain, TraceDialect.PARITY);
        report.put("transfers_per_block", Report.round((double) transfers / blocks));
        for (TraceDialect d : new TraceDialect[] {TraceDialect.PARITY, TraceDialect.GETH, TraceDialect.NONE}) {
            System.err.println("ethereum-decode: decoding with traces " + d.code());
            Sampler.Result r = sampler.measure(() -> {
                decodeAll(chain, d);
                return blocks;
            });
            long perRound = decodeAll(chain, d);
            report.put("decode_" + d.code() + "_blocks_per_s", Report.round(r.median()))
                    .put("decode_" + d.code() + "_transfers_per_s", Report.round(r.median() * perRound / blocks));
        }
        System.err.println("ethereum-decode: end to end through a local replay node");
        try (ReplayServer server = new ReplayServer(FIRST, chain)) {
            for (TraceDialect d : new TraceDialect[] {TraceDialect.PARITY, TraceDialect.GETH}) {
                Sampler.Result r = sampler.measure(() -> ingestAll(server, d));
                double perMinute = r.median() * 60;
                report.put("ingest_" + d.code() + "_blocks_per_s", Report.round(r.median()))
                        .put("ingest_" + d.code() + "_blocks_per_min", Math.round(perMinute))
                        .put("ingest_" + d.code() + "_meets_goal", perMinute >= GOAL_BLOCKS_PER_MINUTE);
            }
        }
        report.put("goal_blocks_per_min", (long) GOAL_BLOCKS_PER_MINUTE);
        report.print(System.out, json);
        return 0;
    }

    /** Parses and decodes every block once; returns the transfers. */
    private static long decodeAll(List<SyntheticEthBlocks.Raw> chain, TraceDialect d) throws Exception {
        BlockFlowDecoder decoder = new BlockFlowDecoder();
        long transfers = 0;
        for (SyntheticEthBlocks.Raw r : chain) {
            JsonNode block = MAPPER.readTree(r.block());
            JsonNode receipts = MAPPER.readTree(r.receipts());
            JsonNode traces = switch (d) {
                case PARITY -> MAPPER.readTree(r.parity());
                case GETH -> MAPPER.readTree(r.geth());
                case NONE -> null;
            };
            transfers += decoder.decode(block, receipts, d, traces).transfers().size();
        }
        return transfers;
    }

    /** Ingests the whole chain into a fresh sink; returns the blocks ingested. */
    private long ingestAll(ReplayServer server, TraceDialect d) {
        RpcSettings settings = RpcSettings.defaults(server.url()).withMaxBatchSize(3 * batch);
        RpcBlockSource source = new RpcBlockSource(new JsonRpcClient(settings), d, new BlockFlowDecoder());
        IngestOptions opts = IngestOptions.range(FIRST, FIRST + blocks - 1).withBatchSize(batch);
        Sleeper noWait = w -> { };
        EthereumIngest.Result r = new EthereumIngest(source, new InMemoryEthereumSink(), opts, Clock.system(), noWait).run();
        if (r.blocksApplied() != blocks) {
            throw new CordonException(ErrorCode.DATA, "ingested " + r.blocksApplied() + " of " + blocks + " blocks");
        }
        return blocks;
    }
}
