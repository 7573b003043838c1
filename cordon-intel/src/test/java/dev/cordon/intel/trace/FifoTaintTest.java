package dev.cordon.intel.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.intel.graph.UtxoGraph;
import org.junit.jupiter.api.Test;

class FifoTaintTest extends TaintModelContract {
    @Override
    TaintModel model() {
        return new FifoTaint();
    }

    @Test
    void spread_firstInputPaysFirstOutput_feeIsTheLastUnits() {
        UtxoGraph g = twoInTwoOut(1_000, 3_000, 2_500, 1_000);
        TaintBook book = new TaintBook();
        model().seed(g, 0, 1_000, book);
        long fee = model().spread(g, 1, book, new Scratch());
        assertThat(book.amount(2)).isEqualTo(1_000);
        assertThat(book.amount(3)).isZero();
        assertThat(fee).isZero();
    }

    @Test
    void spread_lastInputTainted_reachesSecondOutputAndFee() {
        UtxoGraph g = twoInTwoOut(1_000, 3_000, 2_500, 1_000);
        TaintBook book = new TaintBook();
        model().seed(g, 1, 3_000, book);
        long fee = model().spread(g, 1, book, new Scratch());
        assertThat(book.amount(2)).isEqualTo(1_500);
        assertThat(book.amount(3)).isEqualTo(1_000);
        assertThat(fee).isEqualTo(500);
        int s = book.slot(2);
        assertThat(book.rangeLo(s, 0)).isEqualTo(1_000);
        assertThat(book.rangeHi(s, 0)).isEqualTo(2_500);
    }
}
