package dev.cordon.intel.exposure;

import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.trace.internal.MulDiv;
import java.util.Arrays;
import java.util.Objects;

/**
 * Exposure of every address to each {@link RiskCategory}, kept current in chain order: the
 * value an address received that came, directly or through up to {@link #hops()} transactions,
 * from an address with a risk label. A lookup ({@link #of}) is an array read.
 *
 * <p>Model (haircut, after Möser, Böhme, Breuker, "Towards Risk Scoring of Bitcoin
 * Transactions", FC 2014 Workshops, LNCS 8438): every unspent output carries an exposure vector
 * of {@code RiskCategory.COUNT x hops} base-unit amounts, {@code e[c][h]} being the part of its
 * value that left an address of category {@code c} {@code h + 1} transactions earlier. A
 * transaction pools its inputs: an input at a risk-labelled address adds its whole value to
 * {@code pool[c][0]} (direct); any other input adds its own vector shifted one hop
 * ({@code e[c][h] -> pool[c][h+1]}, the last hop falls off: the cap). Each output of value
 * {@code v} then gets {@code floor(pool[c][h] * v / V)} with {@code V} the input value, so the fee
 * takes its share and an output's exposure never exceeds its value (exact 128-bit arithmetic,
 * rounding down: the figures are lower bounds by less than one base unit per output and step).
 * An address's exposure is the sum over the outputs it received.
 *
 * <p>Design notes. Clean value is the common case: a transaction whose inputs carry no vector
 * and no risk label costs one array read per input and one add per output, nothing else.
 * Vectors live in a pooled {@code long[]} addressed by a slot per output ({@code 0}: clean), and
 * the slot of a spent output is recycled at once (nothing reads a spent output's vector again),
 * so the pool is as large as the exposed unspent set. Addresses get a received total
 * ({@code long}) and, once exposed, a slot in a second pool. Memory: 4 bytes per output,
 * 12 per address, {@code 8 x 8 x hops} per exposed unspent output and exposed address. No
 * allocation per transaction once the arrays have grown. Not thread-safe: one writer extends;
 * readers must not run while it does.
 */
public final class ExposureIndex {
    /** Default hop cap. */
    public static final int DEFAULT_HOPS = 3;
    /** Largest hop cap. */
    public static final int MAX_HOPS = 8;

    private final Chain chain;
    private final int hops;
    private final int width;
    private RiskLabels labels;
    private final long[] acc;
    private final long[] q = new long[2];

    int txCursor;
    long heightCursor = -1;
    int outputs;
    int[] outSlot = new int[1024];
    long[] outPool;
    int outSlots;
    int[] free = new int[64];
    int freeCount;
    long[] received = new long[1024];
    int[] addrSlot = new int[1024];
    long[] addrPool;
    int addrSlots;
    int addresses;

    /**
     * An empty index.
     *
     * @param hops the hop cap, {@code 1 .. MAX_HOPS}
     * @throws CordonException with {@link ErrorCode#USAGE} for a bad hop cap
     */
    public ExposureIndex(RiskLabels labels, int hops) {
        this.labels = Objects.requireNonNull(labels, "labels");
        if (hops < 1 || hops > MAX_HOPS) {
            throw new CordonException(ErrorCode.USAGE, "exposure hops must be 1.." + MAX_HOPS + ": " + hops);
        }
        this.chain = labels.chain();
        this.hops = hops;
        this.width = RiskCategory.COUNT * hops;
        this.acc = new long[width];
        this.outPool = new long[64 * width];
        this.addrPool = new long[64 * width];
    }

    public Chain chain() {
        return chain;
    }

    public int hops() {
        return hops;
    }

    public RiskLabels labels() {
        return labels;
    }

    /**
     * Replaces the risk labels by a later reading of the same set ({@link RiskLabels#fingerprint()}
     * equal), which knows the dense ids of labelled addresses the store has seen since.
     *
     * @throws CordonException with {@link ErrorCode#USAGE} when the labels are another set
     */
    public void relabel(RiskLabels later) {
        if (later.chain() != chain || later.fingerprint() != labels.fingerprint()) {
            throw new CordonException(ErrorCode.USAGE, "the exposure index was built with other risk labels; rebuild it");
        }
        this.labels = later;
    }

    /** Number of graph transactions applied: the next one to apply. */
    public int txCursor() {
        return txCursor;
    }

    /** Height of the last applied transaction's block, or -1. */
    public long heightCursor() {
        return heightCursor;
    }

    /** Exposed outputs not yet spent. */
    public int exposedUnspent() {
        return outSlots - freeCount;
    }

    /**
     * Applies the graph's transactions after the cursor, in chain order, up to and including
     * block {@code maxHeight} (pass the chain store's checkpoint height, so that the cursor never
     * runs ahead of it). Running time O(inputs + outputs) plus O(hops) per exposed output.
     *
     * @return the number of value flows (inputs plus outputs) applied
     * @throws CordonException with {@link ErrorCode#DATA} when the graph is not the one the index
     *                         was built on
     */
    public long extend(UtxoGraph g, long maxHeight) {
        checkGraph(g);
        long flows = 0;
        int t = txCursor;
        int end = g.txCount();
        while (t < end && g.height(t) <= maxHeight) {
            flows += apply(g, t);
            heightCursor = g.height(t);
            t++;
        }
        txCursor = t;
        return flows;
    }

    /**
     * Whether {@code g} extends the history the index was built on: same chain, and the last
     * applied transaction is in the graph at the same height and output position.
     */
    public boolean matches(UtxoGraph g) {
        return g.chain() == chain && txCursor <= g.txCount()
                && (txCursor == 0 || (g.height(txCursor - 1) == heightCursor && g.endOutput(txCursor - 1) == outputs));
    }

    /** Refuses a graph that does not extend the history the index was built on. */
    void checkGraph(UtxoGraph g) {
        if (g.chain() != chain) {
            throw new CordonException(ErrorCode.USAGE, "exposure index of " + chain + " given a graph of " + g.chain());
        }
        if (!matches(g)) {
            throw new CordonException(ErrorCode.DATA, "the exposure index (up to transaction " + txCursor + ", block "
                    + heightCursor + ") does not match the graph; delete the exposure file to rebuild it");
        }
    }

    private int apply(UtxoGraph g, int t) {
        int i0 = g.firstInput(t);
        int i1 = g.endInput(t);
        int o0 = g.firstOutput(t);
        int o1 = g.endOutput(t);
        ensureOutputs(o1);
        outputs = o1;
        if (!exposedInputs(g, i0, i1)) {
            for (int o = o0; o < o1; o++) {
                receive(g.address(o), g.value(o));
            }
            return i1 - i0 + o1 - o0;
        }
        long pooled = gather(g, i0, i1);
        for (int o = o0; o < o1; o++) {
            long v = g.value(o);
            int a = g.address(o);
            receive(a, v);
            if (v > 0 && pooled > 0) {
                spread(o, a, v, pooled);
            }
        }
        return i1 - i0 + o1 - o0;
    }

    private boolean exposedInputs(UtxoGraph g, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            int o = g.spentOutput(i);
            if (outSlot[o] != 0 || labels.riskOf(g.address(o)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Pools the inputs' exposure into {@code acc}, frees their slots; returns the input value. */
    private long gather(UtxoGraph g, int i0, int i1) {
        Arrays.fill(acc, 0);
        long total = 0;
        for (int i = i0; i < i1; i++) {
            int o = g.spentOutput(i);
            long v = g.value(o);
            total += v;
            int r = labels.riskOf(g.address(o));
            int s = outSlot[o];
            if (r >= 0) {
                acc[r * hops] += v;
            } else if (s != 0) {
                int base = (s - 1) * width;
                for (int c = 0; c < RiskCategory.COUNT; c++) {
                    int k = c * hops;
                    for (int h = 0; h < hops - 1; h++) {
                        acc[k + h + 1] += outPool[base + k + h];
                    }
                }
            }
            if (s != 0) {
                release(s);
                outSlot[o] = 0;
            }
        }
        return total;
    }

    /** Gives output {@code o} its haircut share of {@code acc}. */
    private void spread(int o, int address, long v, long pooled) {
        int slot = 0;
        int base = 0;
        for (int k = 0; k < width; k++) {
            long p = acc[k];
            if (p == 0) {
                continue;
            }
            MulDiv.mulDiv(p, v, pooled, q);
            if (q[0] == 0) {
                continue;
            }
            if (slot == 0) {
                slot = allocate();
                base = (slot - 1) * width;
                outSlot[o] = slot;
            }
            outPool[base + k] = q[0];
            if (address >= 0) {
                int at = (addressSlot(address) - 1) * width + k;
                addrPool[at] += q[0];
            }
        }
    }

    private void receive(int address, long v) {
        if (address < 0) {
            return;
        }
        if (address >= addresses) {
            if (address >= received.length) {
                int n = Math.max(address + 1, received.length + (received.length >> 1));
                received = Arrays.copyOf(received, n);
                addrSlot = Arrays.copyOf(addrSlot, n);
            }
            addresses = address + 1;
        }
        received[address] += v;
    }

    private int addressSlot(int address) {
        int s = addrSlot[address];
        if (s == 0) {
            s = ++addrSlots;
            if ((long) s * width > addrPool.length) {
                addrPool = Arrays.copyOf(addrPool, Math.max(s * width, addrPool.length + (addrPool.length >> 1)));
            }
            addrSlot[address] = s;
        }
        return s;
    }

    private int allocate() {
        int s;
        if (freeCount > 0) {
            s = free[--freeCount];
        } else {
            s = ++outSlots;
            if ((long) s * width > outPool.length) {
                outPool = Arrays.copyOf(outPool, Math.max(s * width, outPool.length + (outPool.length >> 1)));
            }
        }
        Arrays.fill(outPool, (s - 1) * width, s * width, 0);
        return s;
    }

    private void release(int s) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = s;
    }

    private void ensureOutputs(int n) {
        if (n > outSlot.length) {
            outSlot = Arrays.copyOf(outSlot, Math.max(n, outSlot.length + (outSlot.length >> 1)));
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /**
     * The exposure of the address with that dense id (the chain store's id) as of
     * {@link #heightCursor()}; an address never paid reads as zero received.
     */
    public Exposure of(int addressId) {
        if (addressId < 0 || addressId >= addresses) {
            return new Exposure(0, hops, new long[width]);
        }
        int s = addrSlot[addressId];
        long[] v = s == 0 ? new long[width] : Arrays.copyOfRange(addrPool, (s - 1) * width, s * width);
        return new Exposure(received[addressId], hops, v);
    }

    /**
     * The exposure of a set of addresses taken together (a cluster, the addresses of one entity):
     * received and exposed amounts summed exactly over the distinct ids given. Ids outside the
     * index (never paid) add nothing; negative ids are skipped. Running time O(n log n + n hops).
     *
     * @throws ArithmeticException when a sum overflows a {@code long} (more than 92 billion coins)
     */
    public Exposure sum(int[] addressIds) {
        int[] ids = Arrays.stream(addressIds).filter(a -> a >= 0 && a < addresses).sorted().distinct().toArray();
        long total = 0;
        long[] v = new long[width];
        for (int a : ids) {
            total = Math.addExact(total, received[a]);
            int s = addrSlot[a];
            if (s != 0) {
                for (int k = 0, base = (s - 1) * width; k < width; k++) {
                    v[k] = Math.addExact(v[k], addrPool[base + k]);
                }
            }
        }
        return new Exposure(total, hops, v);
    }

    /** The exposure vector of an unspent output (global graph index), all zero when clean or spent. */
    public Exposure ofOutput(UtxoGraph g, int output) {
        int s = output < outputs ? outSlot[output] : 0;
        long[] v = s == 0 ? new long[width] : Arrays.copyOfRange(outPool, (s - 1) * width, s * width);
        return new Exposure(g.value(output), hops, v);
    }
}
