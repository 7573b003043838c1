package dev.cordon.intel.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.intel.graph.UtxoGraph;
import org.junit.jupiter.api.Test;

class PoisonTaintTest extends TaintModelContract {
    @Override
    TaintModel model() {
        return new PoisonTaint();
    }

    @Test
    void spread_anyContact_taintsEveryOutputAndTheFeeFully() {
        UtxoGraph g = twoInTwoOut(1_000, 3_000, 2_500, 1_000);
        TaintBook book = new TaintBook();
        model().seed(g, 0, 1, book);
        long fee = model().spread(g, 1, book, new Scratch());
        assertThat(book.amount(2)).isEqualTo(2_500);
        assertThat(book.amount(3)).isEqualTo(1_000);
        assertThat(fee).isEqualTo(500);
    }
}
