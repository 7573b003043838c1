package dev.cordon.store.internal;

import dev.cordon.core.Chain;
import dev.cordon.store.StoreException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The writer's {@link AddressFilter} per chain: loaded from the file saved at the last close when
 * that file names the store's checkpoint, else built by scanning the store (after a crash, or the
 * first time), rebuilt at twice the capacity once full, and saved at close tagged with the
 * checkpoint it holds. Single-threaded (the writer's).
 */
final class AddressFilters {
    /** Smallest filter: 4 Mi keys, 6 MiB. */
    private static final long MIN_KEYS = 1L << 22;

    private final KeyValueStore kv;
    /** Where filters are kept between runs; null when they are not. */
    private final Path dir;
    private final Map<Chain, AddressFilter> filters = new EnumMap<>(Chain.class);

    AddressFilters(KeyValueStore kv, Path dir) {
        this.kv = kv;
        this.dir = dir;
    }

    /** The chain's filter if it is open and not full, else null: then call {@link #open}. */
    AddressFilter current(Chain chain) {
        AddressFilter f = filters.get(chain);
        return f != null && !f.isFull() ? f : null;
    }

    /**
     * Opens the chain's filter from its file or by a scan, or rebuilds a full one larger.
     * Everything appended must be on disk (visible to reads) when this is called.
     *
     * @param tip the chain's checkpoint, null for an empty chain
     */
    AddressFilter open(Chain chain, CheckpointCodec tip) {
        AddressFilter f = filters.get(chain);
        long keys = Math.max(tip == null ? 0 : tip.nextAddrId(), f == null ? 0 : f.count());
        long capacity = Math.max(MIN_KEYS, 2 * keys);
        if (f == null && dir != null && tip != null) {
            Optional<AddressFilter> saved = AddressFilter.load(file(chain), tip.encode());
            if (saved.isPresent() && !saved.get().isFull()) {
                filters.put(chain, saved.get());
                return saved.get();
            }
        }
        f = tip == null ? AddressFilter.withCapacity(capacity) : AddressFilter.build(kv, chain, capacity);
        filters.put(chain, f);
        return f;
    }

    /**
     * Saves each filter tagged with its chain's checkpoint, which must be what the store holds.
     * A filter that cannot be saved is rebuilt at the next open, so a failure here is not the
     * caller's: the blocks are committed.
     */
    void save(Map<Chain, CheckpointCodec> tips) {
        if (dir == null) {
            return;
        }
        for (Map.Entry<Chain, AddressFilter> e : filters.entrySet()) {
            CheckpointCodec tip = tips.get(e.getKey());
            if (tip != null) {
                try {
                    e.getValue().save(file(e.getKey()), tip.encode());
                } catch (StoreException ignored) {
                    // rebuilt from the store next time
                }
            }
        }
    }

    private Path file(Chain chain) {
        return dir.resolve("address-filter-" + chain.code() + ".bin");
    }
}
