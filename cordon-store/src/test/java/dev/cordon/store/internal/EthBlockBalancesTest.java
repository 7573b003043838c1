package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-block balance sums against plain {@link BigInteger} arithmetic. */
class EthBlockBalancesTest {
    private static final long SEED = Long.getLong("cordon.test.seed", System.nanoTime());
    private static final BigInteger TWO_127 = BigInteger.TWO.pow(127);

    @Test
    void result_randomAmountsOfEverySize_equalsBigIntegerSums() {
        System.out.println("EthBlockBalancesTest seed " + SEED);
        Random rnd = new Random(SEED);
        EthBlockBalances sums = new EthBlockBalances();
        List<EthCodecs.Balance> expected = new ArrayList<>();
        for (int round = 0; round < 20_000; round++) {
            long key = EthBalanceCache.key(rnd.nextInt(700), rnd.nextInt(3));
            int i = sums.find(key);
            if (i < 0) {
                EthCodecs.Balance before = rnd.nextBoolean() ? EthCodecs.Balance.EMPTY
                        : new EthCodecs.Balance(new BigInteger(200, rnd).negate(), new BigInteger(90, rnd), BigInteger.TEN, 4, 7, 9);
                i = sums.add(key, before);
                assertThat(i).as("seed %d", SEED).isEqualTo(expected.size());
                expected.add(before);
            }
            BigInteger units = amount(rnd);
            boolean in = rnd.nextBoolean();
            long height = 100 + round / 1000;
            sums.plus(i, units, in, height);
            expected.set(i, plus(expected.get(i), units, in, height));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(sums.result(i)).as("entry %d, seed %d", i, SEED).isEqualTo(expected.get(i));
        }
    }

    @Test
    void plus_sumPastTwoTo127_movesToBigInteger() {
        EthBlockBalances sums = new EthBlockBalances();
        int i = sums.add(EthBalanceCache.key(1, 0), EthCodecs.Balance.EMPTY);
        BigInteger big = TWO_127.subtract(BigInteger.ONE);
        sums.plus(i, big, true, 5);
        sums.plus(i, big, true, 5);
        sums.plus(i, BigInteger.ONE, true, 6);
        sums.plus(i, BigInteger.TWO.pow(256), false, 6);
        EthCodecs.Balance r = sums.result(i);
        assertThat(r.received()).isEqualTo(BigInteger.TWO.pow(128).subtract(BigInteger.ONE));
        assertThat(r.sent()).isEqualTo(BigInteger.TWO.pow(256));
        assertThat(r.balance()).isEqualTo(BigInteger.TWO.pow(128).subtract(BigInteger.ONE).subtract(BigInteger.TWO.pow(256)));
        assertThat(r.transfers()).isEqualTo(4);
        assertThat(r.firstHeight()).isEqualTo(5);
        assertThat(r.lastHeight()).isEqualTo(6);
    }

    @Test
    void toBig_highWordAndUnsignedLowWord_exact() {
        assertThat(EthBlockBalances.toBig(-1L, 0)).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
        assertThat(EthBlockBalances.toBig(5, 3)).isEqualTo(BigInteger.valueOf(3).shiftLeft(64).add(BigInteger.valueOf(5)));
    }

    /** Amounts of 0 to 63 bits mostly, then 64 to 127, sometimes up to 256 bits. */
    private static BigInteger amount(Random rnd) {
        int kind = rnd.nextInt(10);
        int bits = kind < 6 ? rnd.nextInt(64) : kind < 9 ? 64 + rnd.nextInt(64) : 128 + rnd.nextInt(129);
        return new BigInteger(bits, rnd);
    }

    private static EthCodecs.Balance plus(EthCodecs.Balance b, BigInteger units, boolean in, long height) {
        return new EthCodecs.Balance(in ? b.balance().add(units) : b.balance().subtract(units),
                in ? b.received().add(units) : b.received(), in ? b.sent() : b.sent().add(units), b.transfers() + 1,
                b.firstHeight() < 0 ? height : b.firstHeight(), height);
    }
}
