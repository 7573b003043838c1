package dev.cordon.store.internal;

import dev.cordon.core.Clock;
import java.util.Objects;

/**
 * When the writer commits the blocks it has applied: once they hold {@code maxTxs}
 * transactions, or once the oldest uncommitted block was applied {@code maxMillis} ago (checked
 * when a block is appended), or when the store is read, flushed or closed.
 *
 * @param maxTxs    at least 1; 1 commits every block on its own
 * @param maxMillis at least 0
 */
public record WriteGrouping(int maxTxs, long maxMillis, Clock clock) {
    /**
     * Bulk ingest: about 65 blocks of 2021 or one second, whichever comes first. Larger groups
     * write an address's summary once for more of its transactions; since groups are committed
     * without the write-ahead log (see {@link KeyValueStore#commitDeferred}), what a kill loses
     * depends on the last flush, not on the group size.
     */
    public static WriteGrouping bulk(Clock clock) {
        return new WriteGrouping(150_000, 1_000, clock);
    }

    public WriteGrouping {
        Objects.requireNonNull(clock, "clock");
        if (maxTxs < 1 || maxMillis < 0) {
            throw new IllegalArgumentException("maxTxs must be >= 1 and maxMillis >= 0: " + maxTxs + ", " + maxMillis);
        }
    }
}
