package dev.cordon.bench.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReachAnswerTest {
    @Test
    void fromReceipts_repeatedAddress_keepsFirstHeight() {
        long[] r = {ReachAnswer.receipt(9, 40), ReachAnswer.receipt(3, 12), ReachAnswer.receipt(9, 17),
                ReachAnswer.receipt(3, 12)};
        ReachAnswer a = ReachAnswer.fromReceipts(r, r.length);
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.address(0)).isEqualTo(3);
        assertThat(a.firstHeight(0)).isEqualTo(12);
        assertThat(a.address(1)).isEqualTo(9);
        assertThat(a.firstHeight(1)).isEqualTo(17);
        assertThat(a.lastFirstHeight()).isEqualTo(17);
    }

    @Test
    void hash_sameSetInAnyOrder_sameHash() {
        long[] x = {ReachAnswer.receipt(1, 5), ReachAnswer.receipt(2, 6)};
        long[] y = {ReachAnswer.receipt(2, 6), ReachAnswer.receipt(1, 5), ReachAnswer.receipt(2, 8)};
        assertThat(ReachAnswer.fromReceipts(x, 2).hashHex()).isEqualTo(ReachAnswer.fromReceipts(y, 3).hashHex());
    }

    @Test
    void hash_otherHeight_otherHash() {
        long[] x = {ReachAnswer.receipt(1, 5)};
        long[] y = {ReachAnswer.receipt(1, 6)};
        assertThat(ReachAnswer.fromReceipts(x, 1).hash()).isNotEqualTo(ReachAnswer.fromReceipts(y, 1).hash());
    }

    @Test
    void hash_empty_isTheFnvOffsetBasis() {
        assertThat(ReachAnswer.fromReceipts(new long[0], 0).hashHex()).isEqualTo("cbf29ce484222325");
    }
}
