package dev.cordon.bench.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;

/**
 * What {@link FlowGraphGenerator} builds.
 *
 * @param flows       value flows to generate (inputs plus outputs), at least 20,000 and at most
 *                    1,800,000,000 (the graph's arrays are {@code int}-indexed)
 * @param seed        random seed; the same config always gives the same graph
 * @param thieves     fresh addresses the planted theft pays, 1 .. 10,000
 * @param txsPerBlock transactions per block, coinbase included, 2 .. 100,000
 */
public record FlowGraphConfig(long flows, long seed, int thieves, int txsPerBlock) {
    static final long MIN_FLOWS = 20_000;
    static final long MAX_FLOWS = 1_800_000_000L;

    public FlowGraphConfig {
        if (flows < MIN_FLOWS || flows > MAX_FLOWS) {
            throw new CordonException(ErrorCode.USAGE,
                    "flows must be in " + MIN_FLOWS + " .. " + MAX_FLOWS + ": " + flows);
        }
        if (thieves < 1 || thieves > 10_000) {
            throw new CordonException(ErrorCode.USAGE, "thief addresses must be in 1 .. 10000: " + thieves);
        }
        if (txsPerBlock < 2 || txsPerBlock > 100_000) {
            throw new CordonException(ErrorCode.USAGE, "transactions per block must be in 2 .. 100000: " + txsPerBlock);
        }
    }

    /** {@code flows} flows with the benchmark's defaults: 200 thief addresses, 2,500 transactions a block. */
    public static FlowGraphConfig of(long flows, long seed) {
        return new FlowGraphConfig(flows, seed, 200, 2_500);
    }
}
