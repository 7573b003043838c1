package dev.cordon.intel.account;

import java.util.Arrays;
import java.util.NoSuchElementException;

/** A binary min-heap of longs without boxing. */
final class LongHeap {
    private long[] a = new long[64];
    private int n;

    boolean isEmpty() {
        return n == 0;
    }

    void push(long v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        int i = n++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (a[p] <= v) {
                break;
            }
            a[i] = a[p];
            i = p;
        }
        a[i] = v;
    }

    /** The smallest value. */
    long peek() {
        if (n == 0) {
            throw new NoSuchElementException("empty heap");
        }
        return a[0];
    }

    /** Removes and returns the smallest value. */
    long pop() {
        long top = peek();
        long v = a[--n];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= n) {
                break;
            }
            if (c + 1 < n && a[c + 1] < a[c]) {
                c++;
            }
            if (v <= a[c]) {
                break;
            }
            a[i] = a[c];
            i = c;
        }
        if (n > 0) {
            a[i] = v;
        }
        return top;
    }
}
