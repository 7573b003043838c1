package dev.cordon.intel.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The account rules of each model, on one balance, exactly. */
class AccountPoolTest {
    private static BigInteger n(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void fifo_takesTheOldestCreditsFirst_andUnknownValueIsClean() {
        AccountPool p = new FifoTaint().accountPool(n(5));
        p.credit(n(10), n(4));
        p.credit(n(3), n(3));

        assertThat(p.debit(n(6))).isEqualTo(n(1));
        assertThat(p.debit(n(5))).isEqualTo(n(3));
        assertThat(p.taint()).isEqualTo(n(3));
        assertThat(p.debit(n(10))).isEqualTo(n(3));
        assertThat(p.balance()).isZero();
        assertThat(p.debit(n(4))).isZero();
        assertThat(p.balance()).isZero();
    }

    @Test
    void lifo_takesTheNewestCreditsFirst() {
        AccountPool p = new LifoTaint().accountPool(n(5));
        p.credit(n(10), n(4));
        p.credit(n(3), n(3));

        assertThat(p.debit(n(4))).isEqualTo(n(3));
        assertThat(p.debit(n(7))).isEqualTo(n(2));
        assertThat(p.debit(n(4))).isEqualTo(n(2));
        assertThat(p.taint()).isZero();
        assertThat(p.balance()).isEqualTo(n(3));
    }

    @Test
    void queue_mergesNeighbours() {
        QueuePool p = (QueuePool) new FifoTaint().accountPool(n(0));
        for (int i = 0; i < 100; i++) {
            p.credit(n(2), n(1));
        }
        assertThat(p.segments()).isEqualTo(200);
        for (int i = 0; i < 100; i++) {
            p.credit(n(2), n(0));
        }
        assertThat(p.segments()).isEqualTo(200);
        assertThat(p.debit(n(399))).isEqualTo(n(100));
        assertThat(p.segments()).isEqualTo(1);
    }

    @Test
    void haircut_takesTheTaintedShareRoundedDown_andAllOfItWithTheLastUnit() {
        AccountPool p = new HaircutTaint().accountPool(n(2));
        p.credit(n(1), n(1));

        assertThat(p.debit(n(1))).isZero();
        assertThat(p.taint()).isEqualTo(n(1));
        assertThat(p.debit(n(1))).isZero();
        assertThat(p.debit(n(1))).isEqualTo(n(1));
        assertThat(p.debit(n(5))).isZero();
        assertThat(p.balance()).isZero();
    }

    @Test
    void haircut_debitBeyondTheBalance_takesUnknownCleanValue() {
        AccountPool p = new HaircutTaint().accountPool(n(0));
        p.credit(n(10), n(10));

        assertThat(p.debit(n(20))).isEqualTo(n(10));
        assertThat(p.taint()).isZero();
    }

    @Test
    void poison_taintsEveryLaterDebitInFull() {
        AccountPool p = new PoisonTaint().accountPool(n(100));
        assertThat(p.debit(n(10))).isZero();
        p.credit(n(1), n(1));

        assertThat(p.debit(n(50))).isEqualTo(n(50));
        assertThat(p.taint()).isEqualTo(n(41));
    }
}
