package dev.cordon.bench.intel;

import dev.cordon.bench.Report;
import dev.cordon.core.Chain;
import dev.cordon.intel.exposure.ExposureIndex;
import dev.cordon.intel.exposure.RiskCategory;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.intel.graph.UtxoGraph;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench exposure}: exposure maintenance rate, in value flows (inputs plus
 * outputs) applied per second on one thread, over a generated spend graph. The graph is built
 * before timing: {@code --txs} transactions of one to three inputs (random unspent outputs) and
 * two outputs (random addresses among {@code txs / 2}, so addresses are reused), with a coinbase
 * every 16 transactions to keep coins available; {@code --risky} permille of the addresses carry
 * a risk label of a random category. Each round builds a fresh {@link ExposureIndex} (3 hops)
 * and applies the whole graph; the figure is the median round. Then, unless
 * {@code --ingest-blocks 0}, the same maintenance inside an ingest ({@link ExposureIngestFigures}):
 * graph and index extended from a RocksDB store as blocks are committed, saved at the end. Goal:
 * 1,000,000 value flows/s on 2 cores, maintained during ingest.
 */
@Command(name = "exposure", mixinStandardHelpOptions = true,
        description = "Exposure maintenance rate (value flows/s) over a generated spend graph.")
public final class ExposureBench implements Callable<Integer> {
    static final long GOAL_FLOWS_PER_S = 1_000_000;

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Option(names = "--txs", defaultValue = "2000000", paramLabel = "N", description = "Generated transactions (default ${DEFAULT-VALUE}).")
    int txs;

    @Option(names = "--risky", defaultValue = "5", paramLabel = "PERMILLE",
            description = "Risk-labelled addresses per thousand (default ${DEFAULT-VALUE}).")
    int risky;

    @Option(names = "--hops", defaultValue = "3", paramLabel = "N", description = "Hop cap (default ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N", description = "Timed rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "7", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--ingest-blocks", defaultValue = "100", paramLabel = "N",
            description = "2021-shaped blocks ingested into RocksDB with exposure maintained; 0 skips it (default ${DEFAULT-VALUE}).")
    int ingestBlocks;

    @Option(names = "--tx-per-block", defaultValue = "2300", paramLabel = "N",
            description = "Transactions per ingested block (default ${DEFAULT-VALUE}).")
    int txPerBlock;

    @Option(names = "--exposure-every", defaultValue = "100000", paramLabel = "N",
            description = "Transactions between exposure catch-ups during the ingest (default ${DEFAULT-VALUE}).")
    int every;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        int addresses = Math.max(16, txs / 2);
        UtxoGraph g = generate(new SplittableRandom(seed), txs, addresses);
        RiskLabels labels = labels(new Random(seed + 1), addresses, risky);
        long genMs = (System.nanoTime() - t0) / 1_000_000;
        new ExposureIndex(labels, hops).extend(g, Long.MAX_VALUE);
        double[] rates = new double[rounds];
        long flows = 0;
        ExposureIndex last = null;
        for (int k = 0; k < rounds; k++) {
            ExposureIndex x = new ExposureIndex(labels, hops);
            long s = System.nanoTime();
            flows = x.extend(g, Long.MAX_VALUE);
            rates[k] = flows / ((System.nanoTime() - s) / 1e9);
            last = x;
        }
        Arrays.sort(rates);
        double median = rates[rounds / 2];
        Report report = new Report("exposure").put("load_average_at_start", load());
        report
                .put("transactions", g.txCount())
                .put("value_flows", flows)
                .put("addresses", addresses)
                .put("risk_labelled_addresses", labels.size())
                .put("hops", hops)
                .put("exposed_unspent_outputs", last.exposedUnspent())
                .put("generate_ms", genMs)
                .put("value_flows_per_s", Math.round(median))
                .put("threads", 1)
                .put("goal_value_flows_per_s", GOAL_FLOWS_PER_S)
                .put("meets_goals", median >= GOAL_FLOWS_PER_S);
        if (ingestBlocks > 0) {
            ExposureIngestFigures.measure(report, seed, ingestBlocks, txPerBlock, every, hops, risky);
        }
        report.put("load_average_at_end", load()).print(System.out, json);
        return 0;
    }

    private static double load() {
        return Report.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** {@code permille} of {@code addresses} ids (drawn with repeats) labelled with random risk categories. */
    static RiskLabels labels(Random r, int addresses, int permille) {
        int n = (int) ((long) addresses * permille / 1000);
        int[] ids = new int[n];
        RiskCategory[] cats = new RiskCategory[n];
        for (int i = 0; i < n; i++) {
            ids[i] = r.nextInt(addresses);
            cats[i] = RiskCategory.ofId(r.nextInt(RiskCategory.COUNT));
        }
        return RiskLabels.ofIds(Chain.BITCOIN, ids, cats);
    }

    /** A random spend graph; unspent outputs are kept in a swap-remove pool. */
    static UtxoGraph generate(SplittableRandom r, int txs, int addresses) {
        UtxoGraph g = new UtxoGraph(Chain.BITCOIN);
        int[] poolTx = new int[1 << 16];
        int[] poolVout = new int[1 << 16];
        int pool = 0;
        int height = 0;
        g.blockTime(0, 1_600_000_000L);
        for (int t = 0; t < txs; t++) {
            if (t > 0 && t % 2000 == 0) {
                height++;
                g.blockTime(height, 1_600_000_000L + 600L * height);
            }
            boolean coinbase = t % 16 == 0 || pool < 3;
            int id = g.beginTx(height);
            long in = coinbase ? 5_000_000_000L : 0;
            int inputs = coinbase ? 0 : 1 + r.nextInt(3);
            for (int i = 0; i < inputs; i++) {
                int p = r.nextInt(pool);
                int tx = poolTx[p];
                int vout = poolVout[p];
                g.spend(tx, vout);
                in += g.value(g.output(tx, vout));
                pool--;
                poolTx[p] = poolTx[pool];
                poolVout[p] = poolVout[pool];
            }
            long fee = coinbase ? 0 : Math.min(in / 1000, 10_000);
            long first = (in - fee) / 2 + r.nextLong(Math.max(1, (in - fee) / 4));
            g.pay(first, r.nextInt(addresses));
            g.pay(in - fee - first, r.nextInt(addresses));
            g.endTx();
            if (pool + 2 > poolTx.length) {
                poolTx = Arrays.copyOf(poolTx, poolTx.length * 2);
                poolVout = Arrays.copyOf(poolVout, poolVout.length * 2);
            }
            for (int v = 0; v < 2; v++) {
                poolTx[pool] = id;
                poolVout[pool++] = v;
            }
        }
        return g;
    }
}
