package dev.cordon.bench.trace;

import dev.cordon.core.Chain;
import dev.cordon.intel.graph.UtxoGraph;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates a large Bitcoin-shaped spend graph straight into a {@link UtxoGraph} (no store, no
 * block files), with a planted theft, for the trace benchmark.
 *
 * <p>Design notes. The shape follows what is measured on mainnet rather than a uniform random
 * graph: inputs per transaction 1 (60%), 2 (22%), 3 (8%), 4-9 (8%), 10-40 (2%, consolidations);
 * outputs 1 (16%), 2 (70%, payment and change, in random order), 3-5 (13.5%), 10-100 (0.5%,
 * batched withdrawals); about 2.3 inputs and 2.4 outputs a transaction. The coin an input spends
 * is drawn from the unspent set with a heavy-tailed age: 80% log-uniform in how far back
 * (most coins move again soon, some wait very long), 20% uniform. Change goes to a fresh
 * address 80% of the time, else back to the first input's address; payments go to a fresh
 * address (45%), to the address of a random unspent coin (35%, preferential attachment: an
 * address that received more receives more) or to one of 1,000 exchange addresses with a
 * power-law popularity (20%). Values are exact satoshis: a fee of 200-10,200 sat, the
 * payment a log-uniform 2-98% share of the rest. One coinbase per block; block 0 also
 * distributes 50,000 coins so that spending can start. All choices come from one seeded
 * {@link SplittableRandom}, so a config gives the same graph on every machine.
 *
 * <p>The theft is planted once 60% of the flows exist: a victim transaction spending 30 large
 * coins (each the largest of 1,000 drawn; more coins if they hold under 10,000 sat per thief)
 * pays {@code thieves} fresh addresses equal shares (the last one the remainder; fee 5,000 sat);
 * the next transactions take those stolen coins as their first input with probability 30%
 * each, so the loot is split and mixed into ordinary activity within a few blocks, after which
 * it moves like any coin.
 *
 * <p>Running time O(flows); memory: the graph plus 8 bytes per unspent coin.
 */
public final class FlowGraphGenerator {
    static final int EXCHANGES = 1_000;
    static final int MINERS = 20;
    static final int AIRDROP = 50_000;
    static final long SUBSIDY = 312_500_000L;
    static final long GENESIS_TIME = 1_704_067_200L;
    static final long THEFT_FEE = 5_000;

    private final FlowGraphConfig config;
    private final SplittableRandom r;
    private final UtxoGraph g = new UtxoGraph(Chain.BITCOIN);
    private final double[] weights = new double[128];
    private final long[] values = new long[128];
    private long[] pool = new long[1 << 16];
    private int poolSize;
    private int nextAddress = EXCHANGES + MINERS;
    private int[] stolen = new int[0];
    private int pendingStolen;
    private int theftTx = -1;
    private long theftValue;

    private FlowGraphGenerator(FlowGraphConfig config) {
        this.config = config;
        this.r = new SplittableRandom(config.seed());
    }

    /** Generates the graph the config describes. */
    public static FlowGraph generate(FlowGraphConfig config) {
        FlowGraphGenerator gen = new FlowGraphGenerator(config);
        gen.run();
        return new FlowGraph(config, gen.g, gen.stolen.clone(), gen.theftTx, gen.theftValue);
    }

    private void run() {
        long theftAt = config.flows() * 3 / 5;
        int height = 0;
        while (flows() < config.flows()) {
            g.blockTime(height, GENESIS_TIME + 600L * height + r.nextInt(120));
            coinbase(height);
            for (int k = 1; k < config.txsPerBlock() && flows() < config.flows(); k++) {
                if (theftTx < 0 && flows() >= theftAt && poolSize >= 30) {
                    theft(height);
                } else {
                    payment(height);
                }
            }
            height++;
        }
    }

    private long flows() {
        return (long) g.outputCount() + g.inputCount();
    }

    private void coinbase(int height) {
        int tx = g.beginTx(height);
        g.pay(SUBSIDY, EXCHANGES + r.nextInt(MINERS));
        int n = 1;
        if (height == 0) {
            for (int k = 0; k < AIRDROP; k++) {
                g.pay(logUniform(100_000, 1_000_000_000L), nextAddress++);
            }
            n += AIRDROP;
        }
        g.endTx();
        addToPool(tx, n);
    }

    private void payment(int height) {
        if (poolSize == 0) {
            return;
        }
        int tx = g.beginTx(height);
        int nIn = Math.min(poolSize, inputCount());
        long sum = 0;
        int firstAddress = UtxoGraph.NO_ADDRESS;
        for (int k = 0; k < nIn; k++) {
            long coin = pendingStolen > 0 && k == 0 && r.nextInt(100) < 30 ? takeStolen() : takeCoin();
            int o = spend(coin);
            sum += g.value(o);
            if (k == 0) {
                firstAddress = g.address(o);
            }
        }
        long fee = Math.min(sum / 4, 200 + r.nextInt(10_000));
        long avail = sum - fee;
        int nOut = (int) Math.min(outputCount(), avail);
        split(avail, nOut);
        int change = nOut == 2 ? r.nextInt(2) : -1;
        for (int k = 0; k < nOut; k++) {
            g.pay(values[k], k == change ? changeAddress(firstAddress) : paymentAddress());
        }
        g.endTx();
        addToPool(tx, nOut);
    }

    /** Plants the theft; its coins do not enter the unspent set but go out through {@link #takeStolen}. */
    private void theft(int height) {
        int tx = g.beginTx(height);
        long sum = 0;
        int n = config.thieves();
        for (int k = 0; k < 30 || (sum < 10_000L * n && poolSize > 0); k++) {
            sum += g.value(spend(takeLargeCoin()));
        }
        long avail = sum - THEFT_FEE;
        long each = avail / n;
        int first = g.outputCount();
        for (int k = 0; k < n; k++) {
            g.pay(k < n - 1 ? each : avail - each * (n - 1), nextAddress++);
        }
        g.endTx();
        theftTx = tx;
        stolen = new int[n];
        for (int k = 0; k < n; k++) {
            stolen[k] = first + k;
            theftValue += g.value(first + k);
        }
        pendingStolen = n;
    }

    private long takeStolen() {
        int o = stolen[stolen.length - pendingStolen--];
        int vout = o - g.firstOutput(theftTx);
        return pack(theftTx, vout);
    }

    /** Removes the largest of 1,000 coins drawn uniformly from the unspent set (a hot wallet's coin). */
    private long takeLargeCoin() {
        int best = r.nextInt(poolSize);
        for (int k = 1; k < 1_000; k++) {
            int idx = r.nextInt(poolSize);
            if (valueOf(pool[idx]) > valueOf(pool[best])) {
                best = idx;
            }
        }
        long coin = pool[best];
        pool[best] = pool[--poolSize];
        return coin;
    }

    private long valueOf(long coin) {
        return g.value(g.firstOutput((int) (coin >>> 20)) + (int) (coin & 0xFFFFF));
    }

    /** Removes a coin from the unspent set with the heavy-tailed age described above. */
    private long takeCoin() {
        int idx;
        if (r.nextInt(100) < 80) {
            int back = (int) Math.min(poolSize - 1, logUniform(1, poolSize + 1L) - 1);
            idx = poolSize - 1 - back;
        } else {
            idx = r.nextInt(poolSize);
        }
        long coin = pool[idx];
        pool[idx] = pool[--poolSize];
        return coin;
    }

    /** Spends a packed coin in the open transaction; returns its global output index. */
    private int spend(long coin) {
        int tx = (int) (coin >>> 20);
        int vout = (int) (coin & 0xFFFFF);
        g.spend(tx, vout);
        return g.firstOutput(tx) + vout;
    }

    private void addToPool(int tx, int n) {
        if (poolSize + n > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(poolSize + n, pool.length * 2));
        }
        for (int v = 0; v < n; v++) {
            pool[poolSize++] = pack(tx, v);
        }
    }

    private static long pack(int tx, int vout) {
        return ((long) tx << 20) | vout;
    }

    private int inputCount() {
        int u = r.nextInt(1000);
        return u < 600 ? 1 : u < 820 ? 2 : u < 900 ? 3 : u < 980 ? 4 + r.nextInt(6) : 10 + r.nextInt(31);
    }

    private int outputCount() {
        int u = r.nextInt(1000);
        return u < 160 ? 1 : u < 860 ? 2 : u < 995 ? 3 + r.nextInt(3) : 10 + r.nextInt(91);
    }

    /** Splits {@code avail >= n} satoshis into {@code n} values of at least 1 each in {@link #values}. */
    private void split(long avail, int n) {
        if (n == 1) {
            values[0] = avail;
            return;
        }
        if (n == 2) {
            long pay = Math.max(1, Math.min(avail - 1, (long) (avail * logUniformShare())));
            values[0] = pay;
            values[1] = avail - pay;
            return;
        }
        double total = 0;
        for (int k = 0; k < n; k++) {
            weights[k] = -Math.log(1.0 - r.nextDouble());
            total += weights[k];
        }
        long rest = avail - n;
        long given = 0;
        for (int k = 0; k < n - 1; k++) {
            long extra = (long) (rest * (weights[k] / total));
            values[k] = 1 + extra;
            given += extra;
        }
        values[n - 1] = 1 + rest - given;
    }

    private int changeAddress(int firstInputAddress) {
        return r.nextInt(100) < 80 || firstInputAddress < 0 ? nextAddress++ : firstInputAddress;
    }

    private int paymentAddress() {
        int u = r.nextInt(100);
        if (u < 45 || poolSize == 0) {
            return nextAddress++;
        }
        if (u < 80) {
            long coin = pool[r.nextInt(poolSize)];
            int a = g.address(g.firstOutput((int) (coin >>> 20)) + (int) (coin & 0xFFFFF));
            return a >= 0 ? a : nextAddress++;
        }
        double x = r.nextDouble();
        return (int) (EXCHANGES * x * x * x);
    }

    private double logUniformShare() {
        return Math.exp(Math.log(0.02) + r.nextDouble() * Math.log(0.98 / 0.02));
    }

    /** A log-uniform integer in {@code [lo, hi)}, {@code 1 <= lo < hi}. */
    private long logUniform(long lo, long hi) {
        double x = Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return Math.max(lo, Math.min(hi - 1, (long) x));
    }
}
