package dev.cordon.intel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CoinJoinDetectorTest {
    private final CoinJoinDetector d = new CoinJoinDetector();

    private static long[] fill(int n, long v) {
        long[] a = new long[n];
        Arrays.fill(a, v);
        return a;
    }

    private static int[] ids(int n, int base) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = base + i;
        }
        return a;
    }

    @Test
    void whirlpool_fiveByFivePoolDenomination() {
        TestTx tx = new TestTx(ids(5, 0), new long[] {1_000_000, 1_000_000, 1_000_170, 1_000_300, 1_000_000}, ids(5, 10), fill(5, 1_000_000));
        assertThat(d.detect(tx)).isEqualTo(CoinJoinDetector.Kind.WHIRLPOOL);
    }

    @Test
    void fiveByFiveOffPool_isNotWhirlpool() {
        TestTx tx = new TestTx(ids(5, 0), fill(5, 2_000_000), ids(5, 10), fill(5, 1_234_567));
        assertThat(d.detect(tx)).isNotEqualTo(CoinJoinDetector.Kind.WHIRLPOOL);
    }

    @Test
    void wasabi1_manyOutputsNearPointOneBitcoin() {
        long[] outs = new long[60];
        Arrays.fill(outs, 0, 40, 9_980_000L);
        for (int i = 40; i < 60; i++) {
            outs[i] = 1_000_000L + i * 7_919L;
        }
        TestTx tx = new TestTx(ids(50, 0), fill(50, 12_000_000), ids(60, 100), outs);
        assertThat(d.detect(tx)).isEqualTo(CoinJoinDetector.Kind.WASABI);
    }

    @Test
    void wasabi2_manyInputsStandardDenominations() {
        long[] denoms = {5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000};
        long[] outs = new long[120];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = i < 100 ? denoms[i % denoms.length] : 777_000L + i;
        }
        TestTx tx = new TestTx(ids(80, 0), fill(80, 400_000), ids(120, 200), outs);
        assertThat(d.detect(tx)).isEqualTo(CoinJoinDetector.Kind.WASABI2);
    }

    @Test
    void joinMarket_equalOutputsPlusChange() {
        long[] outs = {25_000_000, 25_000_000, 25_000_000, 25_000_000, 3_100_000, 870_000, 12_345_678};
        TestTx tx = new TestTx(ids(6, 0), fill(6, 30_000_000), ids(7, 10), outs);
        assertThat(d.detect(tx)).isEqualTo(CoinJoinDetector.Kind.JOINMARKET);
    }

    @Test
    void ordinaryPayment_isNotACoinJoin() {
        assertThat(d.detect(TestTx.simple(1, 2, 3))).isEqualTo(CoinJoinDetector.Kind.NONE);
        TestTx consolidation = new TestTx(ids(40, 0), fill(40, 50_000), new int[] {99}, new long[] {1_990_000});
        assertThat(d.detect(consolidation)).isEqualTo(CoinJoinDetector.Kind.NONE);
    }
}
