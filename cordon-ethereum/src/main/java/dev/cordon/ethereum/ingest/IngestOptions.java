package dev.cordon.ethereum.ingest;

import dev.cordon.core.account.EthereumSink;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What to ingest and how. Each setting is validated here.
 *
 * @param from          first block when the sink is empty (default 0); with a non-empty sink,
 *                      ingest resumes after its checkpoint and {@code from} must not leave a gap
 * @param to            last block to ingest; empty with {@code follow} to follow the tip forever
 * @param follow        keep polling for new blocks after catching up
 * @param confirmations with {@code follow}, stay this many blocks behind the tip (default 12)
 * @param batchSize     blocks per JSON-RPC batch (default 20)
 * @param pollInterval  with {@code follow}, wait between polls of the tip (default 4 s)
 * @param maxReorgDepth deepest reorganisation followed; deeper is an error (default 64, at most
 *                      {@link EthereumSink#MIN_RECENT})
 * @param attempts      tries per range before giving up on a failing node or a missing block (default 5)
 * @param retryBackoff  wait before the first retry, doubled on each further one (default 500 ms)
 */
public record IngestOptions(OptionalLong from, OptionalLong to, boolean follow, int confirmations, int batchSize,
                            Duration pollInterval, int maxReorgDepth, int attempts, Duration retryBackoff) {
    public IngestOptions {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (from.isPresent() && from.getAsLong() < 0) {
            throw usage("--from must be 0 or more, got " + from.getAsLong());
        }
        if (to.isPresent() && from.isPresent() && to.getAsLong() < from.getAsLong()) {
            throw usage("--to " + to.getAsLong() + " is below --from " + from.getAsLong());
        }
        if (to.isEmpty() && !follow) {
            throw usage("give --to M or --follow");
        }
        if (confirmations < 0 || confirmations > 1000) {
            throw usage("confirmations must be 0..1000, got " + confirmations);
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw usage("batch size must be 1..1000, got " + batchSize);
        }
        if (maxReorgDepth < 1 || maxReorgDepth > EthereumSink.MIN_RECENT) {
            throw usage("max reorg depth must be 1.." + EthereumSink.MIN_RECENT + ", got " + maxReorgDepth);
        }
        if (attempts < 1 || attempts > 100) {
            throw usage("attempts must be 1..100, got " + attempts);
        }
        if (pollInterval.isNegative() || retryBackoff.isNegative()) {
            throw usage("poll interval and retry backoff must not be negative");
        }
    }

    /** Blocks {@code from..to}, with the defaults for everything else. */
    public static IngestOptions range(long from, long to) {
        return new IngestOptions(OptionalLong.of(from), OptionalLong.of(to), false, 12, 20,
                Duration.ofSeconds(4), 64, 5, Duration.ofMillis(500));
    }

    /** From {@code from} (or the checkpoint) on, following the tip. */
    public static IngestOptions follow(OptionalLong from, int confirmations) {
        return new IngestOptions(from, OptionalLong.empty(), true, confirmations, 20,
                Duration.ofSeconds(4), 64, 5, Duration.ofMillis(500));
    }

    public IngestOptions withBatchSize(int n) {
        return new IngestOptions(from, to, follow, confirmations, n, pollInterval, maxReorgDepth, attempts, retryBackoff);
    }

    public IngestOptions withRetries(int attempts, Duration backoff) {
        return new IngestOptions(from, to, follow, confirmations, batchSize, pollInterval, maxReorgDepth, attempts, backoff);
    }

    public IngestOptions withPollInterval(Duration d) {
        return new IngestOptions(from, to, follow, confirmations, batchSize, d, maxReorgDepth, attempts, retryBackoff);
    }

    private static CordonException usage(String m) {
        return new CordonException(ErrorCode.USAGE, m);
    }
}
