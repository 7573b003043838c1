package dev.cordon.intel.account;

import java.math.BigInteger;

/**
 * The books of one asset in an account trace, in base units:
 * {@code seeded - overlap = endpoints + held + fees + untraced} for conserving models.
 */
final class AccountTotals {
    BigInteger seeded = BigInteger.ZERO;
    BigInteger overlap = BigInteger.ZERO;
    BigInteger endpoints = BigInteger.ZERO;
    BigInteger held = BigInteger.ZERO;
    BigInteger fees = BigInteger.ZERO;
    BigInteger untraced = BigInteger.ZERO;
}
