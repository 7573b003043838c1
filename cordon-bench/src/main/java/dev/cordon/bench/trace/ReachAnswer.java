package dev.cordon.bench.trace;

import java.util.Arrays;

/**
 * The answer to the poison reachability query: every address that received value from the
 * seed set within the hop limit, with the height of its first such receipt. Stored sorted by
 * address; {@link #hash()} is computed over that order, so answers from different engines
 * compare by {@link #count()} and {@link #hash()}.
 */
public final class ReachAnswer {
    private final int[] addresses;
    private final int[] firstHeights;

    private ReachAnswer(int[] addresses, int[] firstHeights) {
        this.addresses = addresses;
        this.firstHeights = firstHeights;
    }

    /**
     * Builds an answer from {@code n} packed receipts {@code (address << 32) | height}, in any
     * order and with repeats; sorts {@code packed} in place. Running time O(n log n).
     */
    public static ReachAnswer fromReceipts(long[] packed, int n) {
        Arrays.sort(packed, 0, n);
        int[] a = new int[n];
        int[] h = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int address = (int) (packed[i] >>> 32);
            if (m == 0 || a[m - 1] != address) {
                a[m] = address;
                h[m] = (int) packed[i];
                m++;
            }
        }
        return new ReachAnswer(Arrays.copyOf(a, m), Arrays.copyOf(h, m));
    }

    /** Packs a receipt for {@link #fromReceipts}; both values at least 0. */
    public static long receipt(int address, int height) {
        return ((long) address << 32) | height;
    }

    /** Distinct addresses reached. */
    public int count() {
        return addresses.length;
    }

    /** FNV-1a (64 bit) over the (address, first height) pairs in address order. */
    public long hash() {
        long x = 0xcbf29ce484222325L;
        for (int i = 0; i < addresses.length; i++) {
            x = (x ^ addresses[i]) * 0x100000001b3L;
            x = (x ^ firstHeights[i]) * 0x100000001b3L;
        }
        return x;
    }

    /** The hash as 16 hex digits, for reports. */
    public String hashHex() {
        return String.format("%016x", hash());
    }

    public int address(int i) {
        return addresses[i];
    }

    public int firstHeight(int i) {
        return firstHeights[i];
    }

    /** The highest first-receipt height, -1 when empty. */
    public int lastFirstHeight() {
        return Arrays.stream(firstHeights).max().orElse(-1);
    }
}
