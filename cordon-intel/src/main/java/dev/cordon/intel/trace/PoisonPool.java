package dev.cordon.intel.trace;

import java.math.BigInteger;

/**
 * Poison on a balance: once any tainted unit arrives, every later debit is tainted in full
 * (reachability, not an amount; Möser, Böhme, Breuker 2014). Does not conserve.
 */
final class PoisonPool implements AccountPool {
    private BigInteger balance;
    private boolean tainted;

    PoisonPool(BigInteger cleanBalance) {
        this.balance = cleanBalance;
    }

    @Override
    public void credit(BigInteger amount, BigInteger taint) {
        balance = balance.add(amount);
        tainted |= taint.signum() > 0;
    }

    @Override
    public BigInteger debit(BigInteger amount) {
        balance = amount.compareTo(balance) > 0 ? BigInteger.ZERO : balance.subtract(amount);
        return tainted ? amount : BigInteger.ZERO;
    }

    @Override
    public BigInteger taint() {
        return tainted ? balance : BigInteger.ZERO;
    }

    @Override
    public BigInteger balance() {
        return balance;
    }
}
