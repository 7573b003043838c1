package dev.cordon.store.internal;

/**
 * Entry counts of the writer's caches. Roughly 150 bytes per UTXO entry and 120 per address or
 * summary entry.
 */
public record CacheSizes(int utxos, int addresses, int summaries) {
    public static final CacheSizes DEFAULT = new CacheSizes(2_000_000, 1_000_000, 500_000);
    public static final CacheSizes SMALL = new CacheSizes(10_000, 10_000, 10_000);

    public CacheSizes {
        if (utxos < 0 || addresses < 0 || summaries < 0) {
            throw new IllegalArgumentException("cache sizes must be >= 0");
        }
    }
}
