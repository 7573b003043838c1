package dev.cordon.intel.account;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.trace.TaintModel;
import dev.cordon.intel.trace.TraceSeed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trace to run on an account chain. Start from {@link #of} and refine with the {@code with}
 * methods, each of which validates its argument. Amounts are in whole units of each asset
 * ({@code 1.5} is 1.5 ETH, or 1.5 tokens at the token's decimals).
 *
 * @param seeds       {@link TraceSeed.Tx} (every value flow of a transaction but its fee),
 *                    {@link TraceSeed.Output} (the flow at that position of the transaction) or
 *                    {@link TraceSeed.Received} (every flow the address received); not empty
 * @param amount      per asset, taint at most this much of the seed flows, in chain order
 * @param since       ignore seed flows in blocks before this time
 * @param maxHops     flows to follow from a seed
 * @param minValue    per asset, do not follow tainted credits below this
 * @param untilHeight follow flows up to this block only
 * @param maxPaths    paths to report per endpoint address
 * @param maxHeld     how many of the largest holding accounts to list
 */
public record AccountTraceRequest(List<TraceSeed> seeds, TaintModel model, Optional<BigDecimal> amount,
                                  Optional<Instant> since, int maxHops, Optional<BigDecimal> minValue, long untilHeight,
                                  int maxPaths, int maxHeld) {
    public AccountTraceRequest {
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(minValue, "minValue");
        if (seeds.isEmpty()) {
            throw new CordonException(ErrorCode.USAGE, "a trace needs at least one seed");
        }
        if (amount.isPresent() && amount.get().signum() <= 0) {
            throw new CordonException(ErrorCode.USAGE, "amount must be positive: " + amount.get());
        }
        if (minValue.isPresent() && minValue.get().signum() < 0) {
            throw new CordonException(ErrorCode.USAGE, "min value must be at least 0: " + minValue.get());
        }
        if (maxHops < 1) {
            throw new CordonException(ErrorCode.USAGE, "max hops must be at least 1: " + maxHops);
        }
        if (untilHeight < 0) {
            throw new CordonException(ErrorCode.USAGE, "until block must be at least 0: " + untilHeight);
        }
        if (maxPaths < 0 || maxHeld < 0) {
            throw new CordonException(ErrorCode.USAGE, "path and held limits must be >= 0");
        }
    }

    /** A request with no limits, 3 paths per endpoint and the 20 largest holders. */
    public static AccountTraceRequest of(List<TraceSeed> seeds, TaintModel model) {
        return new AccountTraceRequest(seeds, model, Optional.empty(), Optional.empty(), Integer.MAX_VALUE,
                Optional.empty(), Long.MAX_VALUE, 3, 20);
    }

    public AccountTraceRequest withAmount(BigDecimal units) {
        return new AccountTraceRequest(seeds, model, Optional.of(units), since, maxHops, minValue, untilHeight, maxPaths,
                maxHeld);
    }

    public AccountTraceRequest withSince(Instant time) {
        return new AccountTraceRequest(seeds, model, amount, Optional.of(time), maxHops, minValue, untilHeight, maxPaths,
                maxHeld);
    }

    public AccountTraceRequest withLimits(int hops, Optional<BigDecimal> min, long until) {
        return new AccountTraceRequest(seeds, model, amount, since, hops, min, until, maxPaths, maxHeld);
    }

    public AccountTraceRequest withMaxPaths(int n) {
        return new AccountTraceRequest(seeds, model, amount, since, maxHops, minValue, untilHeight, n, maxHeld);
    }

    public AccountTraceRequest withMaxHeld(int n) {
        return new AccountTraceRequest(seeds, model, amount, since, maxHops, minValue, untilHeight, maxPaths, n);
    }
}
