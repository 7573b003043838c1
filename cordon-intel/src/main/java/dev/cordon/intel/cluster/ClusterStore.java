package dev.cordon.intel.cluster;

import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;

/**
 * Where clustering state is persisted. Implementations: {@link RocksClusterStore} (in the intel
 * store, {@code <data>/intel}) and {@link InMemoryClusterStore}; both pass
 * {@code ClusterStoreContract}.
 */
public interface ClusterStore extends AutoCloseable {
    /**
     * The saved state of {@code chain}, or an empty one.
     *
     * @throws CordonException with {@code STORE} or {@code DATA} when the saved state is damaged
     */
    ChainClusters load(Chain chain);

    /** Saves what changed since the last save or load, atomically (all or nothing). */
    void save(ChainClusters state);

    /** Deletes every saved cluster record of {@code chain} atomically; a later load is empty. */
    void clear(Chain chain);

    @Override
    void close();
}
