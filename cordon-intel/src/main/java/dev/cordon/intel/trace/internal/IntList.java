package dev.cordon.intel.trace.internal;

import java.util.Arrays;

/** A growable list of ints. */
public final class IntList {
    private int[] a = new int[16];
    private int size;

    public void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
        a[size++] = v;
    }

    public int get(int i) {
        return a[i];
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }
}
