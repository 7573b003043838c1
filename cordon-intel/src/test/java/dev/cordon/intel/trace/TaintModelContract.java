package dev.cordon.intel.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cordon.core.Chain;
import dev.cordon.intel.graph.RandomGraphs;
import dev.cordon.intel.graph.UtxoGraph;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The contract every {@link TaintModel} passes; one subclass per implementation. */
abstract class TaintModelContract {
    abstract TaintModel model();

    @Test
    void spread_untaintedInputs_taintsNothing() {
        UtxoGraph g = twoInTwoOut(1_000, 3_000, 2_500, 1_000);
        TaintBook book = new TaintBook();
        assertThat(model().spread(g, 1, book, new Scratch())).isZero();
        assertThat(book.size()).isZero();
    }

    @Test
    void spread_conservesToTheUnit_onEveryTransactionOfRandomGraphs() {
        assumeTrue(model().conserves());
        long seed = new Random().nextLong();
        System.out.println(getClass().getSimpleName() + " spread seed=" + seed);
        Random rnd = new Random(seed);
        UtxoGraph g = RandomGraphs.generate(rnd, 3_000, 40, 200);
        Scratch scratch = new Scratch();
        for (int tx = 0; tx < g.txCount(); tx++) {
            if (g.isCoinbase(tx)) {
                continue;
            }
            TaintBook book = new TaintBook();
            long in = 0;
            for (int i = g.firstInput(tx); i < g.endInput(tx); i++) {
                int o = g.spentOutput(i);
                if (g.value(o) > 0 && rnd.nextBoolean()) {
                    long amount = 1 + (long) (rnd.nextDouble() * (g.value(o) - 1));
                    model().seed(g, o, amount, book);
                    in += amount;
                }
            }
            long fee = model().spread(g, tx, book, scratch);
            long out = fee;
            for (int o = g.firstOutput(tx); o < g.endOutput(tx); o++) {
                assertThat(book.amount(o)).isBetween(0L, g.value(o));
                out += book.amount(o);
            }
            assertThat(fee).isBetween(0L, g.fee(tx));
            assertThat(out).as("tx %d", tx).isEqualTo(in);
        }
    }

    @Test
    void forwardTrace_balancesToTheUnit_onRandomGraphs() {
        assumeTrue(model().conserves());
        long seed = new Random().nextLong();
        System.out.println(getClass().getSimpleName() + " forward seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 20; round++) {
            UtxoGraph g = RandomGraphs.generate(rnd, 2_000, 25, 150);
            int[] seeds = randomOutputs(rnd, g, 1 + rnd.nextInt(5), g.txCount() / 3);
            long[] amounts = amounts(rnd, g, seeds);
            TraceLimits limits = rnd.nextBoolean() ? TraceLimits.NONE
                    : new TraceLimits(1 + rnd.nextInt(8), rnd.nextInt(100_000), rnd.nextInt(80));
            EndpointResolver ends = (chain, id) -> id % 17 == 0 ? Endpoint(id) : java.util.Optional.empty();
            FlowResult r = ForwardTrace.run(g, model(), ends, seeds, amounts, limits);
            assertThat(r.balances()).as("round %d: seeded %d overlap %d end %d held %d fees %d untraced %d", round,
                    r.seeded(), r.overlap(), r.endpoints(), r.held(), r.fees(), r.untraced()).isTrue();
        }
    }

    @Test
    void backwardTrace_balancesToTheUnit_onRandomGraphs() {
        assumeTrue(model().conserves());
        long seed = new Random().nextLong();
        System.out.println(getClass().getSimpleName() + " backward seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 20; round++) {
            UtxoGraph g = RandomGraphs.generate(rnd, 2_000, 25, 150);
            int[] targets = randomOutputs(rnd, g, 1 + rnd.nextInt(5), g.txCount());
            long[] amounts = amounts(rnd, g, targets);
            TraceLimits limits = rnd.nextBoolean() ? TraceLimits.NONE : new TraceLimits(1 + rnd.nextInt(8), 0, Long.MAX_VALUE);
            EndpointResolver sources = (chain, id) -> id % 13 == 0 ? Endpoint(id) : java.util.Optional.empty();
            FlowResult r = BackwardTrace.run(g, model(), sources, targets, amounts, limits);
            assertThat(r.balances()).as("round %d", round).isTrue();
            assertThat(r.fees()).isZero();
        }
    }

    @Test
    void forwardTrace_taintOnlyMovesForwardInTime() {
        long seed = new Random().nextLong();
        System.out.println(getClass().getSimpleName() + " time seed=" + seed);
        Random rnd = new Random(seed);
        UtxoGraph g = RandomGraphs.generate(rnd, 2_000, 25, 150);
        int[] seeds = randomOutputs(rnd, g, 3, g.txCount() / 2);
        FlowResult r = ForwardTrace.run(g, model(), EndpointResolver.none(), seeds, amounts(rnd, g, seeds), TraceLimits.NONE);
        int firstSeedTx = g.txOf(seeds[0]);
        for (int s = 0; s < r.book().size(); s++) {
            assertThat(g.txOf(r.book().outputAt(s))).isGreaterThanOrEqualTo(firstSeedTx);
        }
    }

    static java.util.Optional<Endpoint> Endpoint(int id) {
        return java.util.Optional.of(new Endpoint("service" + (id % 3), dev.cordon.core.Category.EXCHANGE));
    }

    static int[] randomOutputs(Random rnd, UtxoGraph g, int n, int beforeTx) {
        java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        while (set.size() < n) {
            int o = rnd.nextInt(g.firstOutput(Math.max(1, beforeTx)));
            if (g.value(o) > 0) {
                set.add(o);
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    static long[] amounts(Random rnd, UtxoGraph g, int[] outputs) {
        long[] a = new long[outputs.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextBoolean() ? g.value(outputs[i]) : 1 + (long) (rnd.nextDouble() * (g.value(outputs[i]) - 1));
        }
        return a;
    }

    /** Tx 0: coinbase paying {@code a} and {@code b}; tx 1 spends both, pays {@code x} and {@code y}. */
    static UtxoGraph twoInTwoOut(long a, long b, long x, long y) {
        UtxoGraph g = new UtxoGraph(Chain.BITCOIN);
        g.blockTime(0, 0);
        g.beginTx(0);
        g.pay(a, 0);
        g.pay(b, 1);
        g.endTx();
        g.beginTx(0);
        g.spend(0, 0);
        g.spend(0, 1);
        g.pay(x, 2);
        g.pay(y, 3);
        g.endTx();
        return g;
    }
}
