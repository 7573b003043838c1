package dev.cordon.intel.graph;

import dev.cordon.core.Chain;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random spend graphs for property tests: coinbases, merges, splits, fees, address reuse. */
public final class RandomGraphs {
    private RandomGraphs() {
    }

    /** A graph of about {@code txs} transactions, {@code txPerBlock} per block. */
    public static UtxoGraph generate(Random rnd, int txs, int txPerBlock, int addresses) {
        UtxoGraph g = new UtxoGraph(Chain.BITCOIN);
        List<int[]> unspent = new ArrayList<>();
        int height = -1;
        for (int t = 0; t < txs; t++) {
            if (t % txPerBlock == 0) {
                height++;
                g.blockTime(height, 1_600_000_000L + 600L * height);
            }
            boolean coinbase = t % txPerBlock == 0 || unspent.size() < 3;
            int tx = g.beginTx(height);
            long in = 0;
            if (coinbase) {
                in = 1 + (long) (rnd.nextDouble() * 5_000_000_000L);
            } else {
                int nIn = 1 + rnd.nextInt(Math.min(5, unspent.size()));
                for (int k = 0; k < nIn; k++) {
                    int[] u = unspent.remove(rnd.nextInt(unspent.size()));
                    g.spend(u[0], u[1]);
                    in += g.value(g.output(u[0], u[1]));
                }
            }
            long fee = coinbase || in == 0 ? 0 : Math.min(in, rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(20_000));
            long left = in - fee;
            int nOut = 1 + rnd.nextInt(4);
            for (int k = 0; k < nOut; k++) {
                long v = k == nOut - 1 ? left : (long) (left * rnd.nextDouble());
                left -= v;
                g.pay(v, rnd.nextInt(10) == 0 ? UtxoGraph.NO_ADDRESS : rnd.nextInt(addresses));
                unspent.add(new int[] {tx, k});
            }
            g.endTx();
        }
        return g;
    }
}
