package dev.cordon.intel.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;

/**
 * Where a trace stops following value that has not reached an endpoint.
 *
 * @param maxHops     transactions to follow from a seed, at least 1
 * @param minValue    tainted outputs below this many base units are not followed
 * @param untilHeight the last block to follow; outputs spent after it count as held
 */
public record TraceLimits(int maxHops, long minValue, long untilHeight) {
    /** No limit: follow everything to the tip. */
    public static final TraceLimits NONE = new TraceLimits(Integer.MAX_VALUE, 0, Long.MAX_VALUE);

    public TraceLimits {
        if (maxHops < 1) {
            throw new CordonException(ErrorCode.USAGE, "max hops must be at least 1: " + maxHops);
        }
        if (minValue < 0) {
            throw new CordonException(ErrorCode.USAGE, "min value must be at least 0: " + minValue);
        }
        if (untilHeight < 0) {
            throw new CordonException(ErrorCode.USAGE, "until block must be at least 0: " + untilHeight);
        }
    }
}
