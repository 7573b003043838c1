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

    /**
     * {@link #DEFAULT}, with the summary cache grown to 4 Mi entries when the heap allows it: a
     * cached summary costs about 130 bytes with its text, and the cache gets at most a sixth of the
     * heap. On 2.06 M generated 2021-shaped transactions its misses, each a read from the store,
     * were the writer's largest cost.
     */
    public static CacheSizes forHeap(long maxHeapBytes) {
        long fit = maxHeapBytes / 6 / 130;
        return new CacheSizes(DEFAULT.utxos, DEFAULT.addresses, fit >= 4L << 20 ? 4 << 20 : DEFAULT.summaries);
    }
    public static final CacheSizes SMALL = new CacheSizes(10_000, 10_000, 10_000);

    public CacheSizes {
        if (utxos < 0 || addresses < 0 || summaries < 0) {
            throw new IllegalArgumentException("cache sizes must be >= 0");
        }
    }
}
