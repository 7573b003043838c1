package dev.cordon.intel.trace;

import dev.cordon.intel.graph.UtxoGraph;
import java.math.BigInteger;

/**
 * Poison: any contact taints everything. A transaction with any tainted input taints every
 * output fully, and its whole fee; backward, every output it spends. This is reachability,
 * not an amount: tainted value grows with every merge, so conservation does not apply and
 * shares above 100% are expected. The poison rule is named and contrasted with haircut by
 * Möser, Böhme and Breuker, "Towards Risk Scoring of Bitcoin Transactions", FC 2014 Workshops,
 * LNCS 8438, pp. 16-32, Springer, 2014. Running time per transaction O(inputs + outputs).
 */
public final class PoisonTaint implements TaintModel {
    @Override
    public String name() {
        return "poison";
    }

    @Override
    public boolean conserves() {
        return false;
    }

    @Override
    public long spread(UtxoGraph g, int tx, TaintBook book, Scratch s) {
        boolean touched = false;
        for (int i = g.firstInput(tx), e = g.endInput(tx); i < e && !touched; i++) {
            touched = book.liveAmount(g.spentOutput(i)) > 0;
        }
        if (!touched) {
            return 0;
        }
        for (int o = g.firstOutput(tx), e = g.endOutput(tx); o < e; o++) {
            if (book.slot(o) < 0) {
                book.addAmount(o, g.value(o), g.value(o));
            }
        }
        return g.fee(tx);
    }

    @Override
    public void gather(UtxoGraph g, int tx, TaintBook book, Scratch s) {
        boolean touched = false;
        for (int o = g.firstOutput(tx), e = g.endOutput(tx); o < e && !touched; o++) {
            touched = book.liveAmount(o) > 0;
        }
        if (!touched) {
            return;
        }
        for (int i = g.firstInput(tx), e = g.endInput(tx); i < e; i++) {
            int o = g.spentOutput(i);
            if (book.slot(o) < 0) {
                book.addAmount(o, g.value(o), g.value(o));
            }
        }
    }

    @Override
    public AccountPool accountPool(BigInteger cleanBalance) {
        return new PoisonPool(cleanBalance);
    }

    @Override
    public AccountRule accountRule() {
        return AccountRule.ANY_CONTACT;
    }
}
