package dev.cordon.intel.scenario;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The ground truth's FIFO attribution, computed as the generator writes each transaction and
 * kept deliberately simple and separate from the tracing engine, so that a test comparing the
 * two checks the engine against an independent reading of the rule: inputs laid end to end in
 * input order, outputs in output order, the fee last (Anderson, Shumailov and Ahmed, "Making
 * Bitcoin Legal", 2018). Taint that lands on an endpoint address is recorded there and not
 * followed, as the forward trace does.
 */
final class FifoOracle {
    private final Map<Coin, List<long[]>> taint = new IdentityHashMap<>();
    private final IntPredicate endpoint;
    private final Map<Integer, long[]> atEndpoint = new TreeMap<>();
    private long seeded;
    private long fees;

    /** @param endpoint whether an address index is an endpoint */
    FifoOracle(IntPredicate endpoint) {
        this.endpoint = endpoint;
    }

    void seed(Coin c) {
        List<long[]> all = new ArrayList<>();
        all.add(new long[] {0, c.value});
        taint.put(c, all);
        seeded += c.value;
    }

    void apply(List<Coin> inputs, List<Coin> outputs, long fee) {
        List<long[]> line = new ArrayList<>();
        long pos = 0;
        for (Coin in : inputs) {
            List<long[]> t = taint.remove(in);
            if (t != null) {
                for (long[] r : t) {
                    line.add(new long[] {pos + r[0], pos + r[1]});
                }
            }
            pos += in.value;
        }
        if (line.isEmpty()) {
            return;
        }
        long start = 0;
        for (Coin out : outputs) {
            List<long[]> mine = cut(line, start, start + out.value);
            if (!mine.isEmpty()) {
                if (endpoint.test(out.address)) {
                    long[] e = atEndpoint.computeIfAbsent(out.address, k -> new long[] {0, out.height});
                    e[0] += measure(mine);
                    e[1] = Math.min(e[1], out.height);
                } else {
                    taint.put(out, mine);
                }
            }
            start += out.value;
        }
        fees += measure(cut(line, start, start + fee));
    }

    /** The parts of {@code line} within {@code [from, to)}, relative to {@code from}. */
    private static List<long[]> cut(List<long[]> line, long from, long to) {
        List<long[]> out = new ArrayList<>();
        for (long[] r : line) {
            long lo = Math.max(r[0], from);
            long hi = Math.min(r[1], to);
            if (hi > lo) {
                out.add(new long[] {lo - from, hi - from});
            }
        }
        return out;
    }

    private static long measure(List<long[]> ranges) {
        long m = 0;
        for (long[] r : ranges) {
            m += r[1] - r[0];
        }
        return m;
    }

    long seeded() {
        return seeded;
    }

    long fees() {
        return fees;
    }

    /** Taint on coins not yet spent (none of them at endpoints). */
    long held() {
        long h = 0;
        for (List<long[]> t : taint.values()) {
            h += measure(t);
        }
        return h;
    }

    /** Per endpoint address index: {tainted amount, first height}. */
    Map<Integer, long[]> endpoints() {
        return atEndpoint;
    }
}
