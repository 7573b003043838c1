package dev.cordon.intel.trace.internal;

/**
 * Exact {@code floor(a * b / c)} and its remainder for non-negative longs, through a 128-bit
 * product and a 128-by-64-bit division (Knuth, TAOCP vol. 2, 4.3.1, Algorithm D, with 32-bit
 * digits as in Warren, "Hacker's Delight", 2nd ed., section 9-4, {@code divlu}). No allocation.
 * Running time O(1).
 */
public final class MulDiv {
    private static final long MASK32 = 0xffffffffL;

    private MulDiv() {
    }

    /**
     * Writes {@code floor(a * b / c)} to {@code out[0]} and {@code a * b mod c} to {@code out[1]}.
     *
     * @param a at least 0
     * @param b at least 0
     * @param c at least 1; the quotient must be below 2^63 (it is when {@code a <= c} or {@code b <= c})
     * @throws ArithmeticException when an argument is out of range or the quotient overflows
     */
    public static void mulDiv(long a, long b, long c, long[] out) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new ArithmeticException("mulDiv(" + a + ", " + b + ", " + c + ")");
        }
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            out[0] = lo / c;
            out[1] = lo % c;
            return;
        }
        if (Long.compareUnsigned(hi, c) >= 0) {
            throw new ArithmeticException("quotient of " + a + " * " + b + " / " + c + " overflows");
        }
        divide(hi, lo, c, out);
        if (out[0] < 0) {
            throw new ArithmeticException("quotient of " + a + " * " + b + " / " + c + " overflows");
        }
    }

    /** Unsigned {@code (hi:lo) / d} for {@code hi < d}; quotient to out[0], remainder to out[1]. */
    private static void divide(long hi, long lo, long d, long[] out) {
        int s = Long.numberOfLeadingZeros(d);
        long v = d << s;
        long vn1 = v >>> 32;
        long vn0 = v & MASK32;
        long un32 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
        long un10 = lo << s;
        long un1 = un10 >>> 32;
        long un0 = un10 & MASK32;
        long q1 = digit(un32, un1, vn1, vn0);
        long un21 = (un32 << 32) + un1 - q1 * v;
        long q0 = digit(un21, un0, vn1, vn0);
        out[0] = (q1 << 32) | q0;
        out[1] = ((un21 << 32) + un0 - q0 * v) >>> s;
    }

    /** One quotient digit of {@code (u:next) / (vn1:vn0)}, corrected at most twice. */
    private static long digit(long u, long next, long vn1, long vn0) {
        long q = Long.divideUnsigned(u, vn1);
        long rhat = u - q * vn1;
        while (Long.compareUnsigned(q, MASK32) > 0
                || Long.compareUnsigned(q * vn0, (rhat << 32) | next) > 0) {
            q--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, MASK32) > 0) {
                break;
            }
        }
        return q;
    }
}
