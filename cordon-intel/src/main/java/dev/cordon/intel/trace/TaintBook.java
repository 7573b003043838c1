package dev.cordon.intel.trace;

import dev.cordon.intel.trace.internal.IntIntMap;
import java.util.Arrays;

/**
 * The taint one trace has put on outputs: per tainted output its tainted amount and, for the
 * ordered models, the exact tainted ranges of its value line ({@code [lo, hi)} in base units
 * from the output's first unit), sorted and disjoint. Also the hop at which the taint arrived
 * and the output it mostly came from, for paths.
 *
 * <p>Storage is slot-based: a primitive hash map from output index to a slot, and parallel
 * arrays per slot; the ranges of a slot are contiguous in one pool. Nothing is allocated per
 * output once the arrays have grown. Not thread-safe: one book per trace.
 */
public final class TaintBook {
    private final IntIntMap slots = new IntIntMap(1024);
    private int size;
    private int[] output = new int[256];
    private long[] amount = new long[256];
    private int[] hop = new int[256];
    private int[] parent = new int[256];
    private int[] rangeFirst = new int[256];
    private int[] rangeCount = new int[256];
    private boolean[] stopped = new boolean[256];
    private long[] lo = new long[1024];
    private long[] hi = new long[1024];
    private int pool;
    private long overlap;

    private int openOutput = -1;
    private int openFirst;

    /** How many outputs carry taint. */
    public int size() {
        return size;
    }

    /** The slot of the output, or -1 when it carries no taint. */
    public int slot(int outputIndex) {
        return slots.get(outputIndex);
    }

    /**
     * The slot of the output if its taint may still move: present and not {@link #stop stopped}
     * at an endpoint or a limit; -1 otherwise. Models read taint through this.
     */
    public int liveSlot(int outputIndex) {
        int s = slots.get(outputIndex);
        return s < 0 || stopped[s] ? -1 : s;
    }

    /** The tainted amount of the output if it may still move, else 0. */
    public long liveAmount(int outputIndex) {
        int s = liveSlot(outputIndex);
        return s < 0 ? 0 : amount[s];
    }

    /** Freezes the taint of slot {@code s}: it stays on the output and is not spread further. */
    void stop(int s) {
        stopped[s] = true;
    }

    /** The output of slot {@code s}. */
    public int outputAt(int s) {
        return output[s];
    }

    /** The tainted amount of the output, 0 when untainted. */
    public long amount(int outputIndex) {
        int s = slots.get(outputIndex);
        return s < 0 ? 0 : amount[s];
    }

    public long amountAt(int s) {
        return amount[s];
    }

    public int hopAt(int s) {
        return hop[s];
    }

    /** The output the taint of slot {@code s} mostly came from, or -1 for a seed. */
    public int parentAt(int s) {
        return parent[s];
    }

    /** Number of ranges of slot {@code s}; 0 when the model keeps amounts only. */
    public int rangeCount(int s) {
        return rangeCount[s];
    }

    public long rangeLo(int s, int k) {
        return lo[rangeFirst[s] + k];
    }

    public long rangeHi(int s, int k) {
        return hi[rangeFirst[s] + k];
    }

    /**
     * Taint that arrived twice on the same output (a seed that another seed's taint also
     * reached) and was counted once: the books balance as
     * {@code seeded - overlap = everything accounted}.
     */
    public long overlap() {
        return overlap;
    }

    void setHop(int s, int h, int parentOutput) {
        hop[s] = h;
        parent[s] = parentOutput;
    }

    /**
     * Adds an amount without ranges to the output, capped at {@code cap} (its value); the
     * excess is counted as overlap.
     */
    void addAmount(int outputIndex, long value, long cap) {
        if (value <= 0) {
            return;
        }
        int s = slots.get(outputIndex);
        if (s < 0) {
            newSlot(outputIndex, Math.min(value, cap), pool, 0);
            overlap += Math.max(0, value - cap);
            return;
        }
        long sum = amount[s] + value;
        amount[s] = Math.min(sum, cap);
        overlap += sum - amount[s];
    }

    /** Starts the ranges of an output; add them in increasing order, then {@link #endRanges}. */
    void beginRanges(int outputIndex) {
        openOutput = outputIndex;
        openFirst = pool;
    }

    void addRange(long from, long to) {
        if (to <= from) {
            return;
        }
        if (pool > openFirst && hi[pool - 1] == from) {
            hi[pool - 1] = to;
            return;
        }
        ensurePool(pool + 1);
        lo[pool] = from;
        hi[pool] = to;
        pool++;
    }

    void endRanges() {
        int n = pool - openFirst;
        int outputIndex = openOutput;
        openOutput = -1;
        if (n == 0) {
            return;
        }
        long measure = 0;
        for (int k = openFirst; k < pool; k++) {
            measure += hi[k] - lo[k];
        }
        int s = slots.get(outputIndex);
        if (s < 0) {
            newSlot(outputIndex, measure, openFirst, n);
        } else {
            mergeRanges(s, openFirst, n, measure);
        }
    }

    /** Unions the new ranges at {@code [first, first+n)} with slot {@code s}'s, appending the result. */
    private void mergeRanges(int s, int first, int n, long measure) {
        int oldFirst = rangeFirst[s];
        int oldN = rangeCount[s];
        int start = pool;
        ensurePool(pool + oldN + n);
        int i = oldFirst;
        int j = first;
        while (i < oldFirst + oldN || j < first + n) {
            boolean takeOld = j >= first + n || (i < oldFirst + oldN && lo[i] <= lo[j]);
            int k = takeOld ? i++ : j++;
            if (pool > start && lo[k] <= hi[pool - 1]) {
                hi[pool - 1] = Math.max(hi[pool - 1], hi[k]);
            } else {
                lo[pool] = lo[k];
                hi[pool] = hi[k];
                pool++;
            }
        }
        long merged = 0;
        for (int k = start; k < pool; k++) {
            merged += hi[k] - lo[k];
        }
        overlap += amount[s] + measure - merged;
        amount[s] = merged;
        rangeFirst[s] = start;
        rangeCount[s] = pool - start;
    }

    private void newSlot(int outputIndex, long value, int first, int n) {
        if (size == output.length) {
            int cap = size * 2;
            output = Arrays.copyOf(output, cap);
            amount = Arrays.copyOf(amount, cap);
            hop = Arrays.copyOf(hop, cap);
            parent = Arrays.copyOf(parent, cap);
            rangeFirst = Arrays.copyOf(rangeFirst, cap);
            rangeCount = Arrays.copyOf(rangeCount, cap);
            stopped = Arrays.copyOf(stopped, cap);
        }
        output[size] = outputIndex;
        amount[size] = value;
        hop[size] = 0;
        parent[size] = -1;
        rangeFirst[size] = first;
        rangeCount[size] = n;
        stopped[size] = false;
        slots.put(outputIndex, size);
        size++;
    }

    private void ensurePool(int need) {
        if (need > lo.length) {
            int cap = Math.max(need, lo.length * 2);
            lo = Arrays.copyOf(lo, cap);
            hi = Arrays.copyOf(hi, cap);
        }
    }
}
