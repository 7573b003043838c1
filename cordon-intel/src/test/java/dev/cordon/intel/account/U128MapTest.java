package dev.cordon.intel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The two-half amounts agree with BigInteger arithmetic, carries, borrows, clamps and the side map included. */
class U128MapTest {
    private static final BigInteger LOW = BigInteger.TWO.pow(63);

    @Test
    void addAndSubtractClamped_matchBigInteger_onRandomAmounts() {
        long seed = new Random().nextLong();
        System.out.println("U128MapTest seed=" + seed);
        Random rnd = new Random(seed);
        U128Map m = new U128Map();
        Map<Long, BigInteger> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long k = rnd.nextInt(5_000);
            BigInteger v = new BigInteger(rnd.nextInt(10) == 0 ? 126 : 1 + rnd.nextInt(90), rnd);
            long h = v.shiftRight(63).longValueExact();
            long l = v.mod(LOW).longValueExact();
            BigInteger before = expected.getOrDefault(k, BigInteger.ZERO);
            if (rnd.nextBoolean()) {
                m.add(k, h, l);
                expected.put(k, before.add(v));
            } else {
                m.subtractClamped(k, h, l);
                expected.put(k, before.subtract(v).max(BigInteger.ZERO));
            }
        }
        expected.forEach((k, v) -> assertThat(m.get(k)).as("seed %d key %d", seed, k).isEqualTo(v));
        assertThat(m.size()).isEqualTo(expected.size());
    }

    @Test
    void set_beyond126Bits_usesTheSideMap() {
        U128Map m = new U128Map();
        BigInteger huge = BigInteger.TWO.pow(200).add(BigInteger.ONE);
        m.set(7, huge);
        m.add(7, 0, 1);
        m.subtractClamped(7, 0, 2);

        assertThat(m.get(7)).isEqualTo(huge.subtract(BigInteger.ONE));
        assertThat(m.contains(7)).isTrue();
        assertThat(m.contains(8)).isFalse();
        assertThat(m.get(8)).isZero();
        m.subtractClamped(7, Long.MAX_VALUE, Long.MAX_VALUE);
        assertThat(m.get(7)).isEqualTo(huge.subtract(BigInteger.ONE).subtract(U128Map.join(Long.MAX_VALUE, Long.MAX_VALUE)));
    }
}
