package dev.cordon.intel.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.intel.graph.UtxoGraph;
import org.junit.jupiter.api.Test;

class LifoTaintTest extends TaintModelContract {
    @Override
    TaintModel model() {
        return new LifoTaint();
    }

    @Test
    void spread_lastInputPaysFirstOutput() {
        UtxoGraph g = twoInTwoOut(1_000, 3_000, 2_500, 1_000);
        TaintBook book = new TaintBook();
        model().seed(g, 0, 1_000, book);
        long fee = model().spread(g, 1, book, new Scratch());
        assertThat(book.amount(2)).isZero();
        assertThat(book.amount(3)).isEqualTo(500);
        assertThat(fee).isEqualTo(500);
    }
}
