package dev.cordon.intel.account;

import java.math.BigInteger;

/**
 * The books of one asset in an account trace, in base units:
 * {@code seeded - overlap = endpoints + held + fees + untraced + mined} for conserving models
 * (forward traces have no {@code mined}, backward ones no {@code held} or {@code fees}).
 */
final class AccountTotals {
    BigInteger seeded = BigInteger.ZERO;
    BigInteger overlap = BigInteger.ZERO;
    BigInteger endpoints = BigInteger.ZERO;
    BigInteger held = BigInteger.ZERO;
    BigInteger fees = BigInteger.ZERO;
    BigInteger untraced = BigInteger.ZERO;
    /** Backward: value of unknown origin (genesis, rewards, history before the first ingested block). */
    BigInteger mined = BigInteger.ZERO;
}
