package dev.cordon.intel.account;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * Where an account trace stops following value that has not reached an endpoint.
 *
 * @param maxHops     flows to follow from a seed, at least 1
 * @param minValue    per asset id, tainted credits below this many base units are not followed;
 *                    assets not in the map have no minimum
 * @param untilHeight the last block to follow; value still in accounts then counts as held
 */
record AccountLimits(int maxHops, Map<Integer, BigInteger> minValue, long untilHeight) {
    AccountLimits {
        Objects.requireNonNull(minValue, "minValue");
        minValue = Map.copyOf(minValue);
        if (maxHops < 1) {
            throw new CordonException(ErrorCode.USAGE, "max hops must be at least 1: " + maxHops);
        }
        if (untilHeight < 0) {
            throw new CordonException(ErrorCode.USAGE, "until block must be at least 0: " + untilHeight);
        }
    }

    BigInteger minValue(int asset) {
        return minValue.getOrDefault(asset, BigInteger.ZERO);
    }
}
