package dev.cordon.intel.trace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MulDivTest {
    @Test
    void mulDiv_matchesBigInteger_onRandomLargeValues() {
        long seed = new Random().nextLong();
        System.out.println("mulDiv_matchesBigInteger_onRandomLargeValues seed=" + seed);
        Random rnd = new Random(seed);
        long[] out = new long[2];
        for (int i = 0; i < 200_000; i++) {
            long c = 1 + (rnd.nextLong() >>> (1 + rnd.nextInt(62)));
            long a = Math.floorMod(rnd.nextLong(), c + 1);
            long b = rnd.nextLong() >>> 1 >>> rnd.nextInt(63);
            MulDiv.mulDiv(a, b, c, out);
            BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
            assertThat(out[0]).as("%d*%d/%d", a, b, c).isEqualTo(qr[0].longValueExact());
            assertThat(out[1]).as("%d*%d mod %d", a, b, c).isEqualTo(qr[1].longValueExact());
        }
    }

    @Test
    void mulDiv_extremes() {
        long[] out = new long[2];
        MulDiv.mulDiv(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, out);
        assertThat(out).containsExactly(Long.MAX_VALUE, 0);
        MulDiv.mulDiv(Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MAX_VALUE, out);
        assertThat(out).containsExactly(Long.MAX_VALUE - 1, 0);
        MulDiv.mulDiv(2_100_000_000_000_000L, 2_099_999_999_999_999L, 2_100_000_000_000_000L, out);
        assertThat(out).containsExactly(2_099_999_999_999_999L, 0);
    }
}
