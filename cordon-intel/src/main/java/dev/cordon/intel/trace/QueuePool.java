package dev.cordon.intel.trace;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * FIFO or LIFO on a balance: the balance is an ordered queue of credits, each credit laid as its
 * tainted units and then its clean units; a debit takes its units from the front (FIFO, the
 * oldest first, Clayton's Case as Anderson, Shumailov and Ahmed apply it in "Making Bitcoin
 * Legal", SPW 2018) or from the back (LIFO, the newest first). Adjacent segments of the same
 * kind merge, so the queue holds at most about twice as many segments as tainted credits.
 * Lossless and exact. Running time per credit O(1) amortized, per debit O(segments consumed).
 */
final class QueuePool implements AccountPool {
    private final boolean lifo;
    private BigInteger[] amount = new BigInteger[4];
    private boolean[] dirty = new boolean[4];
    private int head;
    private int size;
    private BigInteger balance = BigInteger.ZERO;
    private BigInteger taint = BigInteger.ZERO;

    QueuePool(BigInteger cleanBalance, boolean lifo) {
        this.lifo = lifo;
        push(cleanBalance, false);
    }

    @Override
    public void credit(BigInteger credit, BigInteger tainted) {
        push(tainted, true);
        push(credit.subtract(tainted), false);
    }

    @Override
    public BigInteger debit(BigInteger debit) {
        BigInteger left = debit;
        BigInteger out = BigInteger.ZERO;
        while (left.signum() > 0 && size > 0) {
            int i = lifo ? slot(size - 1) : head;
            BigInteger take = left.min(amount[i]);
            if (dirty[i]) {
                out = out.add(take);
            }
            left = left.subtract(take);
            amount[i] = amount[i].subtract(take);
            if (amount[i].signum() == 0) {
                drop();
            }
        }
        balance = balance.subtract(debit.subtract(left));
        taint = taint.subtract(out);
        return out;
    }

    @Override
    public BigInteger taint() {
        return taint;
    }

    @Override
    public BigInteger balance() {
        return balance;
    }

    /** Segments in the queue (for tests and memory estimates). */
    int segments() {
        return size;
    }

    private void push(BigInteger units, boolean tainted) {
        if (units.signum() == 0) {
            return;
        }
        balance = balance.add(units);
        if (tainted) {
            taint = taint.add(units);
        }
        if (size > 0 && dirty[slot(size - 1)] == tainted) {
            int last = slot(size - 1);
            amount[last] = amount[last].add(units);
            return;
        }
        if (size == amount.length) {
            grow();
        }
        int i = slot(size++);
        amount[i] = units;
        dirty[i] = tainted;
    }

    private void drop() {
        if (lifo) {
            amount[slot(--size)] = null;
        } else {
            amount[head] = null;
            head = (head + 1) % amount.length;
            size--;
        }
    }

    private int slot(int k) {
        return (head + k) % amount.length;
    }

    private void grow() {
        BigInteger[] a = new BigInteger[amount.length * 2];
        boolean[] d = new boolean[a.length];
        for (int k = 0; k < size; k++) {
            a[k] = amount[slot(k)];
            d[k] = dirty[slot(k)];
        }
        amount = a;
        dirty = d;
        head = 0;
    }
}
