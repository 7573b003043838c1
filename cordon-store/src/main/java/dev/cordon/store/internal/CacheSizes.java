package dev.cordon.store.internal;

/**
 * Sizes of the writer's caches.
 *
 * @param utxos     unspent outputs per generation of the {@link OutputCache} (two generations,
 *                  at most about 110 bytes per entry)
 * @param addresses address ids (a direct-mapped {@link AddressIdCache}; the slot count is rounded
 *                  up to a power of two)
 * @param summaries address summaries (a direct-mapped {@link SummaryCache}, likewise)
 */
public record CacheSizes(int utxos, int addresses, int summaries) {
    public static final CacheSizes DEFAULT = new CacheSizes(1_000_000, 2_000_000, 2_000_000);
    public static final CacheSizes SMALL = new CacheSizes(10_000, 10_000, 10_000);

    public CacheSizes {
        if (utxos < 0 || addresses < 0 || summaries < 0) {
            throw new IllegalArgumentException("cache sizes must be >= 0");
        }
    }
}
