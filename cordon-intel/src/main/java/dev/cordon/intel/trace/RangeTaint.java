package dev.cordon.intel.trace;

import dev.cordon.intel.graph.UtxoGraph;
import java.math.BigInteger;

/**
 * The ordered models: a transaction lays its inputs' value end to end on one line (in input
 * order for {@link FifoTaint}, reversed for {@link LifoTaint}), lays its outputs in order on
 * the same line and leaves the fee at the end; each base unit keeps its taint across. Taint is
 * held as exact ranges, so it never dilutes and an output's taint is always a whole number of
 * base units. Running time per transaction O(inputs + outputs + ranges).
 */
abstract class RangeTaint implements TaintModel {
    private final boolean lastInFirst;

    RangeTaint(boolean lastInFirst) {
        this.lastInFirst = lastInFirst;
    }

    @Override
    public boolean conserves() {
        return true;
    }

    @Override
    public AccountRule accountRule() {
        return lastInFirst ? AccountRule.NEWEST_FIRST : AccountRule.OLDEST_FIRST;
    }

    /** A queue of credits, taken from the front (FIFO) or the back (LIFO). */
    @Override
    public AccountPool accountPool(BigInteger cleanBalance) {
        return new QueuePool(cleanBalance, lastInFirst);
    }

    @Override
    public long spread(UtxoGraph g, int tx, TaintBook book, Scratch s) {
        int n = 0;
        long pos = 0;
        int first = g.firstInput(tx);
        int count = g.endInput(tx) - first;
        for (int j = 0; j < count; j++) {
            int o = g.spentOutput(first + (lastInFirst ? count - 1 - j : j));
            n = appendRanges(book, o, pos, s, n);
            pos += g.value(o);
        }
        if (n == 0) {
            return 0;
        }
        long start = 0;
        int k = 0;
        for (int o = g.firstOutput(tx), e = g.endOutput(tx); o < e; o++) {
            long end = start + g.value(o);
            while (k < n && s.hi[k] <= start) {
                k++;
            }
            emit(book, o, s, k, n, start, end);
            start = end;
        }
        long fee = 0;
        for (int m = k; m < n; m++) {
            fee += Math.max(0, s.hi[m] - Math.max(s.lo[m], start));
        }
        return fee;
    }

    @Override
    public void gather(UtxoGraph g, int tx, TaintBook book, Scratch s) {
        int n = 0;
        long pos = 0;
        for (int o = g.firstOutput(tx), e = g.endOutput(tx); o < e; o++) {
            n = appendRanges(book, o, pos, s, n);
            pos += g.value(o);
        }
        if (n == 0) {
            return;
        }
        int first = g.firstInput(tx);
        int count = g.endInput(tx) - first;
        long start = 0;
        int k = 0;
        for (int j = 0; j < count; j++) {
            int o = g.spentOutput(first + (lastInFirst ? count - 1 - j : j));
            long end = start + g.value(o);
            while (k < n && s.hi[k] <= start) {
                k++;
            }
            emit(book, o, s, k, n, start, end);
            start = end;
        }
    }

    /** Appends the ranges of output {@code o}, shifted by {@code pos}, to the scratch line. */
    private static int appendRanges(TaintBook book, int o, long pos, Scratch s, int n) {
        int slot = book.liveSlot(o);
        if (slot < 0) {
            return n;
        }
        int rc = book.rangeCount(slot);
        s.ensureRanges(n + rc);
        for (int k = 0; k < rc; k++) {
            s.lo[n] = pos + book.rangeLo(slot, k);
            s.hi[n] = pos + book.rangeHi(slot, k);
            n++;
        }
        return n;
    }

    /** Gives output {@code o}, occupying {@code [start, end)} of the line, the ranges there. */
    private static void emit(TaintBook book, int o, Scratch s, int k, int n, long start, long end) {
        if (k >= n || s.lo[k] >= end) {
            return;
        }
        book.beginRanges(o);
        for (int m = k; m < n && s.lo[m] < end; m++) {
            book.addRange(Math.max(s.lo[m], start) - start, Math.min(s.hi[m], end) - start);
        }
        book.endRanges();
    }
}
