package dev.cordon.store;

import dev.cordon.core.Clock;
import dev.cordon.core.ErrorCode;
import dev.cordon.store.internal.CacheSizes;
import dev.cordon.store.internal.KvChainStore;
import dev.cordon.store.internal.RocksKeyValueStore;
import dev.cordon.store.internal.WriteGrouping;
import java.nio.file.Path;

/**
 * The on-disk {@link ChainStore}, on RocksDB. One process at a time may open a directory.
 *
 * <pre>{@code
 * try (ChainStore store = RocksChainStore.open(Path.of("data/btc"))) {
 *     BlockIngestor ingestor = new BlockIngestor(store, 2_000);
 *     blocks.forEach(ingestor::accept);
 *     IngestReport report = ingestor.report();
 * }
 * }</pre>
 */
public final class RocksChainStore {
    /** Default size of RocksDB's block cache, shared by all column families. */
    public static final long DEFAULT_BLOCK_CACHE_BYTES = 256L << 20;

    private RocksChainStore() {
    }

    /**
     * Opens the store in {@code dir}, creating it when the directory is absent or empty.
     *
     * @throws StoreException with {@link ErrorCode#STORE} when another process holds the store,
     *                        when it has a format this build does not read (it is then left
     *                        untouched), or when it cannot be opened
     */
    public static ChainStore open(Path dir) {
        return open(dir, DEFAULT_BLOCK_CACHE_BYTES);
    }

    /**
     * As {@link #open(Path)}, with the size of the block cache.
     *
     * @param blockCacheBytes at least 1 MiB
     */
    public static ChainStore open(Path dir, long blockCacheBytes) {
        if (blockCacheBytes < (1 << 20)) {
            throw new StoreException(ErrorCode.USAGE, "block cache must be at least 1 MiB: " + blockCacheBytes);
        }
        Path abs = dir.toAbsolutePath();
        return KvChainStore.open(RocksKeyValueStore.open(abs, blockCacheBytes), abs.toString(),
                CacheSizes.forHeap(Runtime.getRuntime().maxMemory()),
                WriteGrouping.bulk(Clock.system()), abs);
    }
}
