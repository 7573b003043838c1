package dev.cordon.intel.account;

import java.math.BigInteger;

/**
 * The books of one asset after an account trace, in base units; for conserving models
 * {@code seeded - overlap = endpoints + held + fees + untraced}.
 */
public record AccountBooks(BigInteger seeded, BigInteger overlap, BigInteger endpoints, BigInteger held, BigInteger fees,
                           BigInteger untraced) {
    /** Whether the books balance to the base unit. */
    public boolean balances() {
        return seeded.subtract(overlap).equals(endpoints.add(held).add(fees).add(untraced));
    }
}
