package dev.cordon.intel.trace;

import java.math.BigInteger;

/**
 * Haircut on a balance: a debit of {@code d} from a balance {@code B} holding taint {@code T}
 * carries {@code floor(T * d / B)} (Möser, Böhme, Breuker 2014, applied to the pooled balance):
 * the tainted share of the pool, rounded down, so taint is never created; the unit fractions
 * rounded away stay in the pool and leave with later debits, so the books still balance exactly.
 * A debit of the whole balance carries all of its taint.
 */
final class HaircutPool implements AccountPool {
    private BigInteger balance;
    private BigInteger taint = BigInteger.ZERO;

    HaircutPool(BigInteger cleanBalance) {
        this.balance = cleanBalance;
    }

    @Override
    public void credit(BigInteger amount, BigInteger tainted) {
        balance = balance.add(amount);
        taint = taint.add(tainted);
    }

    @Override
    public BigInteger debit(BigInteger amount) {
        if (amount.compareTo(balance) > 0) {
            balance = amount;
        }
        BigInteger out = taint.signum() == 0 || amount.signum() == 0 ? BigInteger.ZERO
                : amount.equals(balance) ? taint : taint.multiply(amount).divide(balance);
        taint = taint.subtract(out);
        balance = balance.subtract(amount);
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
}
