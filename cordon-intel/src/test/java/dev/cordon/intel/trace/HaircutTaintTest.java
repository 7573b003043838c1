package dev.cordon.intel.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.intel.graph.UtxoGraph;
import org.junit.jupiter.api.Test;

class HaircutTaintTest extends TaintModelContract {
    @Override
    TaintModel model() {
        return new HaircutTaint();
    }

    @Test
    void spread_proportionalShares() {
        UtxoGraph g = twoInTwoOut(1_000, 3_000, 2_500, 1_000);
        TaintBook book = new TaintBook();
        model().seed(g, 0, 1_000, book);
        long fee = model().spread(g, 1, book, new Scratch());
        assertThat(book.amount(2)).isEqualTo(625);
        assertThat(book.amount(3)).isEqualTo(250);
        assertThat(fee).isEqualTo(125);
    }

    @Test
    void apportion_leftoverUnitsGoToLargestRemainders_tiesToTheEarlierPart() {
        Scratch s = new Scratch();
        long[] out = new long[3];
        HaircutTaint.apportion(2, new long[] {1, 1, 1}, 3, 3, out, s);
        assertThat(out).containsExactly(1, 1, 0);
        HaircutTaint.apportion(10, new long[] {1, 2, 4}, 3, 7, out, s);
        assertThat(out).containsExactly(1, 3, 6);
    }

    @Test
    void apportion_hugeValues_exact() {
        Scratch s = new Scratch();
        long[] out = new long[2];
        long max = 2_100_000_000_000_000L;
        HaircutTaint.apportion(max - 1, new long[] {max - 3, 3}, 2, max, out, s);
        assertThat(out[0] + out[1]).isEqualTo(max - 1);
        assertThat(out[1]).isEqualTo(3);
    }
}
