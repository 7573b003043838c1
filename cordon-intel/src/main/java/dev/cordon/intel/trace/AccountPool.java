package dev.cordon.intel.trace;

import java.math.BigInteger;

/**
 * The taint of one account's balance in one asset, under a {@link TaintModel}'s account rule
 * ({@link TaintModel#accountPool}). On account chains (Ethereum) value is not held in outputs
 * but pooled in a balance; every credit adds to the pool and every debit takes from it, in
 * chain order (block, transaction index, position). Amounts are exact base units (wei, or a
 * token's smallest unit) of any size.
 *
 * <p>Contract for conserving models: the taint of every debit plus the taint still held equals
 * the taint credited, to the base unit, and a debit never carries more taint than its amount.
 * A debit larger than the pool's balance takes the missing units as clean value of unknown origin
 * (a genesis allocation, a reward, or history before the first ingested block) and leaves the
 * balance at zero. Not thread-safe; one trace owns its pools.
 */
public interface AccountPool {
    /**
     * Adds a credit.
     *
     * @param amount units received, at least 0
     * @param taint  how many of them are tainted, {@code 0 <= taint <= amount}
     */
    void credit(BigInteger amount, BigInteger taint);

    /**
     * Takes a debit.
     *
     * @param amount units sent, at least 0
     * @return the taint the debit carries, {@code 0 <= result <= amount}
     */
    BigInteger debit(BigInteger amount);

    /** Tainted units still held (for poison: the whole balance once tainted). */
    BigInteger taint();

    /** Units held, tainted or not, as far as the pool has seen them. */
    BigInteger balance();
}
