package dev.cordon.bench.ethereum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.bench.Report;
import dev.cordon.bench.Sampler;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.flow.BlockFlowDecoder;
import dev.cordon.ethereum.flow.TraceDialect;
import dev.cordon.ethereum.ingest.EthereumIngest;
import dev.cordon.ethereum.ingest.InMemoryEthereumSink;
import dev.cordon.ethereum.ingest.IngestOptions;
import dev.cordon.ethereum.ingest.RpcBlockSource;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.RpcSettings;
import dev.cordon.ethereum.rpc.Sleeper;
import dev.cordon.store.ChainStore;
import dev.cordon.store.RocksChainStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
 * figures include HTTP on 127.0.0.1, batching and the parallel decode, into the in-memory sink
 * ({@code ingest_*}) and into a RocksDB chain store in a temporary folder ({@code store_*});
 * {@code store_apply} is the store alone, applying already decoded blocks. Goal: at
 * least 5,000 mainnet-sized blocks per minute end to end, traces included, on 2 cores.
 */
@Command(name = "ethereum-decode", mixinStandardHelpOptions = true,
        description = {"Decode mainnet-shaped Ethereum blocks, receipts and traces (parity and geth) into value flows,",
                "and ingest them end to end from a local JSON-RPC replay node."})
public final class EthereumDecodeBench implements Callable<Integer> {
    static final double GOAL_BLOCKS_PER_MINUTE = 5_000;
    /** The cores of the goal's machine, for the projected rate. */
    private static final int CORES = 2;
    private static final long FIRST = 20_000_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** CPU time spent creating, opening and deleting stores since the figure's CPU rounds began. */
    private long setupCpuNanos;

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

    @Option(names = "--only", split = ",", paramLabel = "FIGURE",
            description = "Measure only the figures whose names start with these (e.g. store_parity,decode); default all.")
    List<String> only = List.of();

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
            if (!wanted("decode_" + d.code())) {
                continue;
            }
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
                endToEnd(report, sampler, "ingest_" + d.code(), () -> ingestAll(server, d, false));
                endToEnd(report, sampler, "store_" + d.code(), () -> ingestAll(server, d, true));
            }
        }
        System.err.println("ethereum-decode: the store alone (decoded blocks into RocksDB)");
        List<EthBlockFlows> decoded = decodedChain(chain);
        endToEnd(report, sampler, "store_apply", () -> applyAll(decoded));
        report.put("goal_blocks_per_min", (long) GOAL_BLOCKS_PER_MINUTE);
        report.print(System.out, json);
        return 0;
    }

    private boolean wanted(String figure) {
        return only.isEmpty() || only.stream().anyMatch(figure::startsWith);
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

    /**
     * Measures a whole-chain workload: blocks per wall second (median of the rounds), per minute,
     * and per second of process CPU time over {@code rounds} more runs (the replay server runs in
     * this process, so its HTTP work is counted too). Creating and opening each round's fresh
     * RocksDB store and deleting its folder afterwards, once per process in a real ingest, are
     * left out of the CPU time (reported apart as {@code _store_open_cpu_ms}); closing it, which
     * flushes the memtables, is counted. The projected 2-core rate is blocks per
     * CPU-second × 2 × 60: what two cores fully given to this process would do if the work kept
     * both busy, the figure a shared machine's wall clock cannot show; {@code _meets_goal} is
     * by wall clock, {@code _projected_meets_goal} by the projection.
     */
    private void endToEnd(Report report, Sampler sampler, String key, Sampler.Round round) throws Exception {
        if (!wanted(key)) {
            return;
        }
        Sampler.Result r = sampler.measure(round);
        setupCpuNanos = 0;
        long cpu0 = processCpuNanos();
        long units = 0;
        for (int i = 0; i < rounds; i++) {
            units += round.run();
        }
        double cpuSeconds = (processCpuNanos() - cpu0 - setupCpuNanos) / 1e9;
        if (setupCpuNanos > 0) {
            report.put(key + "_store_open_cpu_ms", Report.round(setupCpuNanos / 1e6 / rounds));
        }
        double perMinute = r.median() * 60;
        double projected = units / cpuSeconds * CORES * 60;
        report.put(key + "_blocks_per_s", Report.round(r.median()))
                .put(key + "_blocks_per_min", Math.round(perMinute))
                .put(key + "_blocks_per_cpu_s", Report.round(units / cpuSeconds))
                .put(key + "_projected_2core_blocks_per_min", Math.round(projected))
                .put(key + "_meets_goal", perMinute >= GOAL_BLOCKS_PER_MINUTE)
                .put(key + "_projected_meets_goal", projected >= GOAL_BLOCKS_PER_MINUTE);
    }

    /** Ingests the whole chain into a fresh sink (a RocksDB store in a temporary folder, or in memory). */
    private long ingestAll(ReplayServer server, TraceDialect d, boolean rocks) throws IOException {
        RpcSettings settings = RpcSettings.defaults(server.url()).withMaxBatchSize(3 * batch);
        RpcBlockSource source = new RpcBlockSource(new JsonRpcClient(settings), d, new BlockFlowDecoder());
        IngestOptions opts = IngestOptions.range(FIRST, FIRST + blocks - 1).withBatchSize(batch);
        Sleeper noWait = w -> { };
        if (!rocks) {
            return check(new EthereumIngest(source, new InMemoryEthereumSink(), opts, Clock.system(), noWait).run());
        }
        Path dir = freshDir();
        try (ChainStore store = open(dir)) {
            return check(new EthereumIngest(source, store.ethereum(), opts, Clock.system(), noWait).run());
        } finally {
            delete(dir);
        }
    }

    private Path freshDir() throws IOException {
        long c0 = processCpuNanos();
        Path dir = Files.createTempDirectory("cordon-eth-bench");
        setupCpuNanos += processCpuNanos() - c0;
        return dir;
    }

    private ChainStore open(Path dir) {
        long c0 = processCpuNanos();
        ChainStore store = RocksChainStore.open(dir);
        setupCpuNanos += processCpuNanos() - c0;
        return store;
    }

    private long check(EthereumIngest.Result r) {
        if (r.blocksApplied() != blocks) {
            throw new CordonException(ErrorCode.DATA, "ingested " + r.blocksApplied() + " of " + blocks + " blocks");
        }
        return blocks;
    }

    private static List<EthBlockFlows> decodedChain(List<SyntheticEthBlocks.Raw> chain) throws IOException {
        BlockFlowDecoder decoder = new BlockFlowDecoder();
        List<EthBlockFlows> out = new ArrayList<>(chain.size());
        for (SyntheticEthBlocks.Raw r : chain) {
            out.add(decoder.decode(MAPPER.readTree(r.block()), MAPPER.readTree(r.receipts()), TraceDialect.PARITY,
                    MAPPER.readTree(r.parity())));
        }
        return out;
    }

    /** Applies decoded blocks to a fresh RocksDB store: the store's own ingest rate. */
    private long applyAll(List<EthBlockFlows> decoded) throws IOException {
        Path dir = freshDir();
        try (ChainStore store = open(dir)) {
            decoded.forEach(store.ethereum()::applyBlock);
        } finally {
            delete(dir);
        }
        return decoded.size();
    }

    private void delete(Path dir) throws IOException {
        long c0 = processCpuNanos();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        setupCpuNanos += processCpuNanos() - c0;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
