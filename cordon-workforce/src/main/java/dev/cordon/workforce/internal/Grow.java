package dev.cordon.workforce.internal;

import java.util.Arrays;

/** Growth of per-account primitive arrays: doubling, so amortised O(1) per new account. */
public final class Grow {
    private Grow() {
    }

    public static int capacity(int current, int needed) {
        int c = Math.max(current, 16);
        while (c < needed) {
            c = c < (1 << 29) ? c * 2 : Integer.MAX_VALUE - 8;
        }
        return c;
    }

    public static long[] longs(long[] a, int needed, long fill) {
        if (needed <= a.length) {
            return a;
        }
        int old = a.length;
        long[] b = Arrays.copyOf(a, capacity(old, needed));
        Arrays.fill(b, old, b.length, fill);
        return b;
    }

    public static int[] ints(int[] a, int needed, int fill) {
        if (needed <= a.length) {
            return a;
        }
        int old = a.length;
        int[] b = Arrays.copyOf(a, capacity(old, needed));
        Arrays.fill(b, old, b.length, fill);
        return b;
    }

    public static short[] shorts(short[] a, int needed, short fill) {
        if (needed <= a.length) {
            return a;
        }
        int old = a.length;
        short[] b = Arrays.copyOf(a, capacity(old, needed));
        Arrays.fill(b, old, b.length, fill);
        return b;
    }

    public static float[] floats(float[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, capacity(a.length, needed));
    }

    public static byte[] bytes(byte[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, capacity(a.length, needed));
    }

    public static <T> T[] objects(T[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, capacity(a.length, needed));
    }
}
