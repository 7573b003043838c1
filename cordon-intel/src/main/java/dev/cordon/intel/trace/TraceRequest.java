package dev.cordon.intel.trace;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A trace to run. Start from {@link #of} and refine with the {@code with} methods, each of
 * which validates its argument.
 *
 * @param seeds    where value starts (forward) or the value to explain (backward); not empty
 * @param amount   taint at most this many base units in total, taking the seed outputs in chain
 *                 order and the first units of each; all of them when empty
 * @param since    ignore seed outputs created before this time
 * @param maxPaths how many paths to report per endpoint address
 * @param maxHeld  how many of the largest held outputs to list
 */
public record TraceRequest(List<TraceSeed> seeds, TaintModel model, OptionalLong amount, Optional<Instant> since,
                           TraceLimits limits, int maxPaths, int maxHeld) {
    public TraceRequest {
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(limits, "limits");
        if (seeds.isEmpty()) {
            throw new CordonException(ErrorCode.USAGE, "a trace needs at least one seed");
        }
        if (amount.isPresent() && amount.getAsLong() < 1) {
            throw new CordonException(ErrorCode.USAGE, "amount must be at least 1 base unit: " + amount.getAsLong());
        }
        if (maxPaths < 0 || maxHeld < 0) {
            throw new CordonException(ErrorCode.USAGE, "path and held limits must be >= 0");
        }
    }

    /** A request with no limits, 3 paths per endpoint and the 20 largest held outputs. */
    public static TraceRequest of(List<TraceSeed> seeds, TaintModel model) {
        return new TraceRequest(seeds, model, OptionalLong.empty(), Optional.empty(), TraceLimits.NONE, 3, 20);
    }

    public TraceRequest withAmount(long units) {
        return new TraceRequest(seeds, model, OptionalLong.of(units), since, limits, maxPaths, maxHeld);
    }

    public TraceRequest withSince(Instant time) {
        return new TraceRequest(seeds, model, amount, Optional.of(time), limits, maxPaths, maxHeld);
    }

    public TraceRequest withLimits(TraceLimits newLimits) {
        return new TraceRequest(seeds, model, amount, since, newLimits, maxPaths, maxHeld);
    }

    public TraceRequest withMaxPaths(int n) {
        return new TraceRequest(seeds, model, amount, since, limits, n, maxHeld);
    }

    public TraceRequest withMaxHeld(int n) {
        return new TraceRequest(seeds, model, amount, since, limits, maxPaths, n);
    }
}
