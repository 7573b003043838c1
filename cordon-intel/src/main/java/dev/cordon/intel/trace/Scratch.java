package dev.cordon.intel.trace;

import java.util.Arrays;

/**
 * Working arrays one trace lends to its model, grown on demand and reused for every
 * transaction, so spreading allocates nothing in steady state. Not thread-safe.
 */
public final class Scratch {
    long[] lo = new long[64];
    long[] hi = new long[64];
    long[] a = new long[64];
    long[] b = new long[64];
    long[] c = new long[64];
    long[] d = new long[64];
    int[] idx = new int[64];
    final long[] qr = new long[2];

    void ensureRanges(int n) {
        if (n > lo.length) {
            int cap = Math.max(n, lo.length * 2);
            lo = Arrays.copyOf(lo, cap);
            hi = Arrays.copyOf(hi, cap);
        }
    }

    void ensureParts(int n) {
        if (n > a.length) {
            int cap = Math.max(n, a.length * 2);
            a = new long[cap];
            b = new long[cap];
            c = new long[cap];
            d = new long[cap];
            idx = new int[cap];
        }
    }
}
