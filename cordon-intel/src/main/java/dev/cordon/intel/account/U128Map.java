package dev.cordon.intel.account;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Non-negative amounts by long key in open addressing, each held as two 63-bit halves (126 bits,
 * enough for any ETH balance and most token ones); larger values sit in a side map. Additions and
 * clamped subtractions of amounts that fit take no allocation. Not thread-safe.
 */
final class U128Map {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final long LOW = Long.MAX_VALUE;
    private long[] keys = new long[1024];
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private int size;
    private final Map<Long, BigInteger> big = new HashMap<>();

    U128Map() {
        Arrays.fill(keys, EMPTY);
    }

    /** The value at {@code k}, zero when absent. */
    BigInteger get(long k) {
        int i = find(k);
        if (keys[i] == EMPTY) {
            return BigInteger.ZERO;
        }
        return hi[i] < 0 ? big.get(k) : join(hi[i], lo[i]);
    }

    /** Whether {@code k} has a value (zero included). */
    boolean contains(long k) {
        return keys[find(k)] == k;
    }

    /** Sets the value at {@code k}. */
    void set(long k, BigInteger v) {
        int i = slot(k);
        if (v.bitLength() <= 126) {
            hi[i] = v.shiftRight(63).longValue();
            lo[i] = v.longValue() & LOW;
            big.remove(k);
        } else {
            hi[i] = -1;
            big.put(k, v);
        }
    }

    /** Adds {@code h * 2^63 + l} (both halves non-negative, {@code l < 2^63}). */
    void add(long k, long h, long l) {
        int i = slot(k);
        if (hi[i] >= 0) {
            long nl = lo[i] + l;
            long nh = hi[i] + h + (nl >>> 63);
            if (nh >= 0 && nh < (1L << 62)) {
                hi[i] = nh;
                lo[i] = nl & LOW;
                return;
            }
        }
        set(k, get(k).add(join(h, l)));
    }

    /** Subtracts {@code h * 2^63 + l}, leaving zero when the value is smaller. */
    void subtractClamped(long k, long h, long l) {
        int i = slot(k);
        if (hi[i] < 0) {
            BigInteger v = big.get(k).subtract(join(h, l));
            set(k, v.signum() < 0 ? BigInteger.ZERO : v);
            return;
        }
        if (hi[i] < h || hi[i] == h && lo[i] <= l) {
            hi[i] = 0;
            lo[i] = 0;
            return;
        }
        long nl = lo[i] - l;
        long borrow = nl < 0 ? 1 : 0;
        hi[i] = hi[i] - h - borrow;
        lo[i] = nl & LOW;
    }

    /** Visits every key and value. */
    void forEach(BiConsumer<Long, BigInteger> visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.accept(keys[i], hi[i] < 0 ? big.get(keys[i]) : join(hi[i], lo[i]));
            }
        }
    }

    int size() {
        return size;
    }

    static BigInteger join(long h, long l) {
        return h == 0 ? BigInteger.valueOf(l) : BigInteger.valueOf(h).shiftLeft(63).or(BigInteger.valueOf(l));
    }

    /** The slot of {@code k}, inserted with value zero when absent. */
    private int slot(long k) {
        int i = find(k);
        if (keys[i] == EMPTY) {
            if ((size + 1) * 2 > keys.length) {
                grow();
                i = find(k);
            }
            keys[i] = k;
            hi[i] = 0;
            lo[i] = 0;
            size++;
        }
        return i;
    }

    private int find(long k) {
        int mask = keys.length - 1;
        int i = (int) (mix(k) & mask);
        while (keys[i] != EMPTY && keys[i] != k) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] ok = keys;
        long[] oh = hi;
        long[] ol = lo;
        keys = new long[ok.length * 2];
        hi = new long[ok.length * 2];
        lo = new long[ok.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != EMPTY) {
                int i = find(ok[j]);
                keys[i] = ok[j];
                hi[i] = oh[j];
                lo[i] = ol[j];
            }
        }
    }

    private static long mix(long x) {
        long h = x * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
