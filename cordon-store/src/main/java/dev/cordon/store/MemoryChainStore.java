package dev.cordon.store;

import dev.cordon.core.Clock;
import dev.cordon.store.internal.CacheSizes;
import dev.cordon.store.internal.KvChainStore;
import dev.cordon.store.internal.MemoryKeyValueStore;
import dev.cordon.store.internal.WriteGrouping;

/**
 * The in-memory twin of {@link RocksChainStore}: the same logic and the same bytes on sorted
 * maps, for tests and small one-off analyses. Its content is gone when it is dropped.
 */
public final class MemoryChainStore {
    private MemoryChainStore() {
    }

    /** A new, empty store. */
    public static ChainStore create() {
        return KvChainStore.open(new MemoryKeyValueStore(), "memory", CacheSizes.SMALL,
                WriteGrouping.bulk(Clock.system()));
    }
}
