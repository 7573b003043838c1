package dev.cordon.intel.trace;

import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.internal.MulDiv;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Haircut taint: a transaction pools its inputs, and each output (and the fee) receives the
 * tainted share of the pool in proportion to its value. Follows the haircut rule of Möser,
 * Böhme and Breuker, "Towards Risk Scoring of Bitcoin Transactions", Financial Cryptography
 * and Data Security, FC 2014 Workshops, LNCS 8438, pp. 16-32, Springer, 2014
 * (doi:10.1007/978-3-662-44774-1_2); BlockSci (Kalodner et al., USENIX Security 2020) offers
 * the same rule.
 *
 * <p>Rounding, exact and deterministic: with tainted input {@code T} and pool {@code V}, part
 * {@code k} of value {@code v_k} (outputs in order, the fee last) gets
 * {@code floor(T * v_k / V)}, computed with a 128-bit product; the {@code L < parts} units left
 * over go one each to the parts with the largest remainders {@code T * v_k mod V}, ties to the
 * earlier part (the largest-remainder or Hamilton method). The parts therefore sum to
 * {@code T} exactly and no part exceeds its value. Backward ({@link #gather}) the tainted
 * amount of all the outputs of a transaction is apportioned the same way over its inputs by
 * their values. Running time per transaction O(n log n) in its inputs and outputs.
 */
public final class HaircutTaint implements TaintModel {
    @Override
    public String name() {
        return "haircut";
    }

    @Override
    public boolean conserves() {
        return true;
    }

    @Override
    public long spread(UtxoGraph g, int tx, TaintBook book, Scratch s) {
        long tainted = 0;
        long pool = 0;
        for (int i = g.firstInput(tx), e = g.endInput(tx); i < e; i++) {
            int o = g.spentOutput(i);
            pool += g.value(o);
            tainted += book.liveAmount(o);
        }
        if (tainted == 0) {
            return 0;
        }
        int first = g.firstOutput(tx);
        int n = g.endOutput(tx) - first;
        s.ensureParts(n + 1);
        long out = 0;
        for (int k = 0; k < n; k++) {
            s.a[k] = g.value(first + k);
            out += s.a[k];
        }
        s.a[n] = pool - out;
        apportion(tainted, s.a, n + 1, pool, s.b, s);
        for (int k = 0; k < n; k++) {
            book.addAmount(first + k, s.b[k], s.a[k]);
        }
        return s.b[n];
    }

    @Override
    public void gather(UtxoGraph g, int tx, TaintBook book, Scratch s) {
        long tainted = 0;
        for (int o = g.firstOutput(tx), e = g.endOutput(tx); o < e; o++) {
            tainted += book.liveAmount(o);
        }
        int first = g.firstInput(tx);
        int n = g.endInput(tx) - first;
        if (tainted == 0 || n == 0) {
            return;
        }
        s.ensureParts(n);
        long pool = 0;
        for (int k = 0; k < n; k++) {
            s.a[k] = g.value(g.spentOutput(first + k));
            pool += s.a[k];
        }
        apportion(tainted, s.a, n, pool, s.b, s);
        for (int k = 0; k < n; k++) {
            book.addAmount(g.spentOutput(first + k), s.b[k], s.a[k]);
        }
    }

    /**
     * Splits {@code total} over {@code n} parts in proportion to {@code weights} (summing to
     * {@code weightSum}, with {@code total <= weightSum}) by the largest-remainder rule;
     * writes the shares to {@code out}. Uses {@code s.c} and {@code s.idx}.
     */
    static void apportion(long total, long[] weights, int n, long weightSum, long[] out, Scratch s) {
        long given = 0;
        for (int k = 0; k < n; k++) {
            MulDiv.mulDiv(total, weights[k], weightSum, s.qr);
            out[k] = s.qr[0];
            s.c[k] = s.qr[1];
            given += s.qr[0];
        }
        long left = total - given;
        if (left == 0) {
            return;
        }
        System.arraycopy(s.c, 0, s.d, 0, n);
        Arrays.sort(s.d, 0, n);
        long threshold = s.d[n - (int) left];
        for (int k = 0; k < n && left > 0; k++) {
            if (s.c[k] > threshold) {
                out[k]++;
                left--;
            }
        }
        for (int k = 0; k < n && left > 0; k++) {
            if (s.c[k] == threshold) {
                out[k]++;
                left--;
            }
        }
    }

    @Override
    public AccountPool accountPool(BigInteger cleanBalance) {
        return new HaircutPool(cleanBalance);
    }

    @Override
    public AccountRule accountRule() {
        return AccountRule.PROPORTIONAL;
    }
}
