package dev.cordon.bench.bitcoin;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.cordon.bench.Report;
import dev.cordon.bench.Sampler;
import dev.cordon.bench.bitcoin.RealBlocks.BlockSet;
import dev.cordon.bench.bitcoin.Throughput.Rate;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench bitcoin-parse}: how fast cordon decodes real Bitcoin blocks, against the
 * SHA-256 work a verifying decoder cannot avoid and against bitcoinj on the same bytes, and how
 * fast decoded blocks go into the RocksDB store.
 *
 * <p>Decode figures are single-threaded (per core) medians of timed rounds over the whole input,
 * in MB/s of serialized block (10^6 bytes) and transactions/s. Goals (from the issue): decoding
 * with txids at no less than half the single-core SHA-256 rate and at least 10 times bitcoinj;
 * ingest of 2021-shaped synthetic blocks at 100,000 transactions/s or more on 2 cores.
 */
@Command(name = "bitcoin-parse", mixinStandardHelpOptions = true,
        description = {"Decode real mainnet blocks with cordon and bitcoinj 0.17.1, measure the machine's SHA-256 rate,",
                "and ingest a 2021-shaped synthetic chain into a fresh RocksDB store."})
public final class BitcoinParseBench implements Callable<Integer> {
    static final double GOAL_FRACTION_OF_SHA256 = 0.5;
    static final double GOAL_TIMES_BITCOINJ = 10.0;
    static final long GOAL_INGEST_TX_PER_S = 100_000;
    private static final double ROUND_SECONDS = 0.25;
    private static final double WARM_UP_CAP_SECONDS = 15;

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Option(names = "--seconds", defaultValue = "0.5", paramLabel = "S",
            description = {"Warm-up seconds before each decode figure's timed rounds (default ${DEFAULT-VALUE});",
                    "before the first figure each workload also runs at least 4 times as long, until its rate is steady."})
    double seconds;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N",
            description = "Timed rounds per decode figure, about 0.25 s each; the median is reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--synthetic-blocks", defaultValue = "50", paramLabel = "N",
            description = "Blocks in the synthetic chain ingested into RocksDB, genesis included; 0 skips it (default ${DEFAULT-VALUE}).")
    int syntheticBlocks;

    @Option(names = "--reuse-blocks", defaultValue = "300", paramLabel = "N",
            description = {"Blocks of the address-reusing 2021-shaped chain (Utxo2021Chain) ingested into RocksDB; 0 skips it",
                    "(default ${DEFAULT-VALUE}; about 0.5 GB of heap per 100 blocks while they are held)."})
    int reuseBlocks;

    @Option(names = "--ingest-rounds", defaultValue = "3", paramLabel = "N",
            description = {"Timed ingests of that chain, each into a fresh store; the median round's figures are reported,",
                    "every round's tx/s beside (default ${DEFAULT-VALUE})."})
    int ingestRounds;

    @Option(names = "--tx-per-block", defaultValue = "2300", paramLabel = "N",
            description = "Transactions per synthetic block; 2,000-2,500 resembles 2021 mainnet (default ${DEFAULT-VALUE}).")
    int txPerBlock;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic chain (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--real", paramLabel = "PATH",
            description = "Decode these blocks instead of the bundled ones: a blocks/ folder, one blk*.dat, or one raw or hex block (figures keyed path_*).")
    Path real;

    @Override
    public Integer call() throws Exception {
        validate();
        Report report = new Report("bitcoin-parse");
        Sampler sampler = new Sampler(seconds, rounds);
        List<BlockSet> sets = inputs();
        describe(report, sets);
        warmUp(sets.get(sets.size() - 1));
        progress("SHA-256 on 1 MiB buffers");
        Rate sha = Throughput.measure(sampler, ROUND_SECONDS, DecodePasses.sha256());
        double shaMb = sha.cpu() / 1e6;
        report.put("sha256_mb_per_s", Throughput.round1(sha.wall() / 1e6));
        report.put("sha256_mb_per_cpu_s", Throughput.round1(shaMb));
        report.put("sha256_mb_per_cpu_s_min_max", Throughput.round1(sha.cpuMin() / 1e6, sha.cpuMax() / 1e6));
        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        for (BlockSet set : sets) {
            rates.put(set.name(), decodeFigures(report, sampler, set, shaMb));
        }
        goalsForDecode(report, rates, shaMb);
        ingestFigures(report);
        report.put("load_average_at_end", loadAverage());
        report.print(System.out, json);
        return 0;
    }

    private void validate() {
        if (!(seconds >= 0) || rounds < 1 || ingestRounds < 1 || syntheticBlocks < 0 || txPerBlock < 1) {
            throw new CordonException(ErrorCode.USAGE, "--seconds must be >= 0, --rounds >= 1, --ingest-rounds >= 1,"
                    + " --synthetic-blocks >= 0 and --tx-per-block >= 1");
        }
        if (real != null && !Files.exists(real)) {
            throw new CordonException(ErrorCode.USAGE, "--real: no such file or folder: " + real);
        }
    }

    /** The decode inputs; the last one holds all the blocks. */
    private List<BlockSet> inputs() {
        if (real != null) {
            return List.of(RealBlocks.fromPath(real));
        }
        List<BlockSet> sets = new ArrayList<>(RealBlocks.bundled());
        sets.add(BlockSet.concat("all", "all bundled blocks above", sets));
        return sets;
    }

    private static void describe(Report report, List<BlockSet> sets) {
        report.put("load_average_at_start", loadAverage());
        report.put("units", "MB = 10^6 bytes of serialized block. Decode runs on one thread; *_mb_per_s is by wall clock,"
                + " *_per_cpu_s per second of process CPU time (that thread plus GC and JIT: the cost per core, steadier on"
                + " a shared machine); medians of timed rounds, [min, max] beside; ratios and goals use the CPU-time rates");
        for (BlockSet s : sets) {
            report.put("input_" + s.name(), s.description() + ": " + s.blocks().size() + " blocks, " + s.bytes() + " bytes, "
                    + s.txs() + " transactions");
        }
        report.put("work_cursor", DecodePasses.CURSOR_WORK);
        report.put("work_decoder", DecodePasses.DECODER_WORK);
        report.put("work_bitcoinj", DecodePasses.BITCOINJ_WORK);
        report.put("work_bitcoinj_read_only", DecodePasses.BITCOINJ_READ_WORK);
        report.put("work_txid_hash_floor", DecodePasses.FLOOR_WORK);
        report.put("work_sha256", DecodePasses.SHA_WORK);
        report.put("sha256_provider", TxidHashFloor.sha256().getProvider().getName());
        report.put("jvm_use_sha", vmOption("UseSHA"));
        report.put("cpu_sha_extensions", cpuHasShaExtensions());
    }

    /**
     * Runs every workload until it is steady before anything is timed, so that code shared
     * between sets is compiled before the first set's figures: bitcoinj's parser takes several
     * seconds of CPU to reach its full speed. See {@link Throughput#warmUntilSteady}.
     */
    private void warmUp(BlockSet set) throws Exception {
        progress("warming up every workload until its rate is steady");
        for (Sampler.Round r : List.of(DecodePasses.sha256(), DecodePasses.txidHashes(set), DecodePasses.cursor(set),
                DecodePasses.decoder(set), DecodePasses.bitcoinj(set), DecodePasses.bitcoinjReadOnly(set))) {
            Throughput.warmUntilSteady(r, 4 * seconds, WARM_UP_CAP_SECONDS);
        }
    }

    /**
     * Measures the decode workloads on one set; returns their median MB per CPU second by name.
     * Ratios are of those CPU-time rates.
     */
    private Map<String, Double> decodeFigures(Report report, Sampler sampler, BlockSet set, double shaMb) throws Exception {
        String p = set.name() + "_";
        progress("decoding " + set.name() + " (" + set.description() + ")");
        DecodePasses.crossCheck(set);
        TxidHashFloor accounting = new TxidHashFloor(set);
        report.put(p + "sha256_message_bytes_per_block_byte", Report.round(accounting.messageBytesPerBlockByte()));
        report.put(p + "sha256_compressed_bytes_per_block_byte", Report.round(accounting.compressedBytesPerBlockByte()));
        double floor = figure(report, p + "txid_hash_floor", set, Throughput.measure(sampler, ROUND_SECONDS, DecodePasses.txidHashes(set)));
        double cursor = figure(report, p + "cursor", set, Throughput.measure(sampler, ROUND_SECONDS, DecodePasses.cursor(set)));
        double decoder = figure(report, p + "decoder", set, Throughput.measure(sampler, ROUND_SECONDS, DecodePasses.decoder(set)));
        double bitcoinj = figure(report, p + "bitcoinj", set, Throughput.measure(sampler, ROUND_SECONDS, DecodePasses.bitcoinj(set)));
        figure(report, p + "bitcoinj_read_only", set, Throughput.measure(sampler, ROUND_SECONDS, DecodePasses.bitcoinjReadOnly(set)));
        report.put(p + "cursor_vs_bitcoinj", Throughput.round1(cursor / bitcoinj));
        report.put(p + "decoder_vs_bitcoinj", Throughput.round1(decoder / bitcoinj));
        report.put(p + "cursor_fraction_of_sha256", Report.round(cursor / shaMb));
        report.put(p + "decoder_fraction_of_sha256", Report.round(decoder / shaMb));
        report.put(p + "cursor_fraction_of_txid_hash_floor", Report.round(cursor / floor));
        return Map.of("floor", floor, "cursor", cursor, "decoder", decoder, "bitcoinj", bitcoinj);
    }

    /**
     * Puts a rate in bytes/s: MB/s by wall clock, and MB and transactions per CPU second (median,
     * then min and max of the rounds); returns the median MB per CPU second.
     */
    private static double figure(Report report, String key, BlockSet set, Rate bytesPerS) {
        double mb = bytesPerS.cpu() / 1e6;
        report.put(key + "_mb_per_s", Throughput.round1(bytesPerS.wall() / 1e6));
        report.put(key + "_mb_per_cpu_s", Throughput.round1(mb));
        report.put(key + "_mb_per_cpu_s_min_max", Throughput.round1(bytesPerS.cpuMin() / 1e6, bytesPerS.cpuMax() / 1e6));
        report.put(key + "_tx_per_cpu_s", Math.round(bytesPerS.cpu() * set.txs() / set.bytes()));
        return mb;
    }

    /** The decode goals, judged on every input set. */
    private static void goalsForDecode(Report report, Map<String, Map<String, Double>> rates, double shaMb) {
        rates.forEach((set, r) -> {
            report.put("goal_decode_at_least_half_sha256_" + set, r.get("cursor") / shaMb >= GOAL_FRACTION_OF_SHA256);
            report.put("goal_decode_at_least_10x_bitcoinj_" + set, r.get("cursor") / r.get("bitcoinj") >= GOAL_TIMES_BITCOINJ);
        });
    }

    private void ingestFigures(Report report) throws IOException {
        progress("ingesting the first 439 mainnet blocks into RocksDB");
        Map<String, Object> realIngest = IngestFigures.real(RealBlocks.first439());
        if (syntheticBlocks > 0) {
            progress("generating, decoding and ingesting " + syntheticBlocks + " synthetic blocks of " + txPerBlock + " transactions");
            report.put("work_ingest", "synthetic 2021-shaped blk files (SyntheticChain) decoded by BlkFileReader.forEachBlock,"
                    + " then IngestBench.measureIngest: BlockIngestor into a fresh RocksChainStore, timed to the closed store,"
                    + " decode not included; cpu_seconds = process CPU time of all threads, cores_busy = cpu_seconds / seconds;"
                    + " blk_to_store_tx_per_s = transactions / (decode seconds + ingest seconds), decode and ingest one after the other");
            Map<String, Object> synthetic = IngestFigures.synthetic(seed, syntheticBlocks, txPerBlock);
            synthetic.forEach(report::put);
            Object txPerS = synthetic.get("ingest_tx_per_s");
            report.put("goal_ingest_at_least_100k_tx_per_s", txPerS instanceof Number n && n.longValue() >= GOAL_INGEST_TX_PER_S);
        }
        if (reuseBlocks > 0) {
            progress("generating and ingesting " + reuseBlocks + " address-reusing 2021-shaped blocks of " + txPerBlock
                    + " transactions");
            report.put("work_reuse_ingest", "Utxo2021Chain (2021 mainnet's input and output counts, script kinds, address reuse"
                    + " and spend ages) generated in memory, then IngestBench.measureIngest as above, " + ingestRounds
                    + " times into fresh stores: the median round's figures, every round's tx/s in reuse_ingest_tx_per_s_rounds;"
                    + " the goal is judged on the median");
            Map<String, Object> reuse = IngestFigures.reuse(seed, reuseBlocks, txPerBlock, ingestRounds);
            reuse.forEach(report::put);
            Object txPerS = reuse.get("reuse_ingest_tx_per_s");
            report.put("goal_ingest_at_least_100k_tx_per_s_reuse", txPerS instanceof Number n
                    && n.longValue() >= GOAL_INGEST_TX_PER_S);
        }
        realIngest.forEach(report::put);
    }

    private static Object vmOption(String name) {
        try {
            return Boolean.valueOf(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue());
        } catch (IllegalArgumentException | NullPointerException e) {
            return "unknown";
        }
    }

    private static Object cpuHasShaExtensions() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("flags") || l.startsWith("Features"))
                    .findFirst()
                    .map(l -> (Object) (l.contains(" sha_ni") || l.contains(" sha2")))
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine makes the figures noisy. */
    private static Object loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void progress(String what) {
        System.err.println("bitcoin-parse: " + what);
    }
}
