package dev.cordon.bench.intel;

import dev.cordon.bench.Report;
import dev.cordon.intel.cluster.EntityClusters;
import dev.cordon.intel.cluster.HeuristicStats;
import dev.cordon.intel.cluster.MultiInputHeuristic;
import dev.cordon.intel.cluster.TxInputs;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon bench cluster}: the union-find pass of Bitcoin multi-input clustering on generated
 * Bitcoin-shaped transactions, and the memory it holds per address.
 *
 * <p>Transactions are generated (seeded) before timing into flat int/long arrays: 58% one input,
 * 24% two, 11% three to five, 5% six to fifty (consolidations), 2% Whirlpool-shaped CoinJoins
 * (5 in, 5 out of 0.01 BTC); one to three outputs otherwise. Inputs mostly spend addresses seen
 * recently (new addresses appear at the rate outputs create them), so clusters grow the way they
 * do on the chain. Throughput is the median of timed rounds, each on fresh clusters; the
 * {@link TxInputs} flyweight reads the arrays in place, as the ingest feeder will. Memory is the
 * clusters' primitive arrays divided by the addresses they hold.
 * Goals (from the issue): 1,000,000 inputs/s on 2 cores; at most 16 bytes per address.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Bitcoin multi-input clustering (union-find, CoinJoin detection) on generated transactions: inputs/s and bytes/address.")
public final class ClusterBench implements Callable<Integer> {
    static final long GOAL_INPUTS_PER_S = 1_000_000;
    static final double GOAL_BYTES_PER_ADDRESS = 16.0;

    @Option(names = "--json", description = "Print one JSON object instead of lines.")
    boolean json;

    @Option(names = "--txs", defaultValue = "2000000", paramLabel = "N", description = "Transactions per round (default ${DEFAULT-VALUE}).")
    int txs;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N", description = "Timed rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "11", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    /** Flat transactions: inputs of tx i are in[inStart[i] .. inStart[i+1]), outputs likewise. */
    static final class Flat implements TxInputs {
        int[] inStart;
        int[] in;
        long[] inValue;
        int[] outStart;
        int[] out;
        long[] outValue;
        int addresses;
        int tx;

        @Override
        public int inputCount() {
            return inStart[tx + 1] - inStart[tx];
        }

        @Override
        public int inputAddress(int i) {
            return in[inStart[tx] + i];
        }

        @Override
        public long inputValue(int i) {
            return inValue[inStart[tx] + i];
        }

        @Override
        public int outputCount() {
            return outStart[tx + 1] - outStart[tx];
        }

        @Override
        public int outputAddress(int i) {
            return out[outStart[tx] + i];
        }

        @Override
        public long outputValue(int i) {
            return outValue[outStart[tx] + i];
        }
    }

    static Flat generate(int txs, long seed) {
        Random r = new Random(seed);
        Flat f = new Flat();
        f.inStart = new int[txs + 1];
        f.outStart = new int[txs + 1];
        int[] in = new int[txs * 3];
        long[] inV = new long[txs * 3];
        int[] out = new int[txs * 3];
        long[] outV = new long[txs * 3];
        int ni = 0;
        int no = 0;
        int next = 1000;
        for (int t = 0; t < txs; t++) {
            int p = r.nextInt(100);
            boolean whirlpool = p >= 98;
            int k = whirlpool ? 5 : p < 58 ? 1 : p < 82 ? 2 : p < 93 ? 3 + r.nextInt(3) : 6 + r.nextInt(45);
            int outs = whirlpool ? 5 : 1 + r.nextInt(3);
            if (ni + k > in.length) {
                in = Arrays.copyOf(in, in.length * 2);
                inV = Arrays.copyOf(inV, inV.length * 2);
            }
            if (no + outs > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
                outV = Arrays.copyOf(outV, outV.length * 2);
            }
            for (int i = 0; i < k; i++) {
                int back = (int) Math.min(next - 1, Math.abs(r.nextGaussian()) * 50_000);
                in[ni] = next - 1 - back;
                inV[ni++] = whirlpool ? 1_000_000 + r.nextInt(500) : 10_000 + r.nextInt(5_000_000);
            }
            for (int o = 0; o < outs; o++) {
                out[no] = next++;
                outV[no++] = whirlpool ? 1_000_000 : 5_000 + r.nextInt(4_000_000);
            }
            f.inStart[t + 1] = ni;
            f.outStart[t + 1] = no;
        }
        f.in = in;
        f.inValue = inV;
        f.out = out;
        f.outValue = outV;
        f.addresses = next;
        return f;
    }

    @Override
    public Integer call() {
        Flat f = generate(txs, seed);
        long inputs = f.inStart[txs];
        runOnce(f, true);
        double[] rates = new double[rounds];
        EntityClusters last = null;
        HeuristicStats stats = null;
        for (int r = 0; r < rounds; r++) {
            EntityClusters c = new EntityClusters(f.addresses);
            c.ensure(f.addresses - 1);
            MultiInputHeuristic h = new MultiInputHeuristic();
            long t0 = System.nanoTime();
            for (int t = 0; t < txs; t++) {
                f.tx = t;
                h.apply(f, c);
            }
            long ns = System.nanoTime() - t0;
            rates[r] = inputs / (ns / 1e9);
            last = c;
            stats = h.stats();
        }
        Arrays.sort(rates);
        double median = rates[rounds / 2];
        double bytesPerAddress = last.footprintBytes() / (double) last.size();
        new Report("cluster")
                .put("transactions", txs)
                .put("inputs", inputs)
                .put("addresses", last.size())
                .put("clusters", last.clusterCount())
                .put("linked", stats.linked())
                .put("skipped", stats.skipped())
                .put("inputs_per_s", Math.round(median))
                .put("transactions_per_s", Math.round(median * txs / inputs))
                .put("threads", 1)
                .put("bytes_per_address", Report.round(bytesPerAddress))
                .put("goal_inputs_per_s", GOAL_INPUTS_PER_S)
                .put("goal_bytes_per_address", GOAL_BYTES_PER_ADDRESS)
                .put("meets_goals", median >= GOAL_INPUTS_PER_S && bytesPerAddress <= GOAL_BYTES_PER_ADDRESS)
                .print(System.out, json);
        return 0;
    }

    private static void runOnce(Flat f, boolean warm) {
        EntityClusters c = new EntityClusters(f.addresses);
        MultiInputHeuristic h = new MultiInputHeuristic();
        int n = warm ? Math.min(f.inStart.length - 1, 500_000) : f.inStart.length - 1;
        for (int t = 0; t < n; t++) {
            f.tx = t;
            h.apply(f, c);
        }
    }
}
