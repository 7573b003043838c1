package dev.cordon.intel;

import dev.cordon.intel.cluster.ClusterStore;
import dev.cordon.intel.cluster.InMemoryClusterStore;
import dev.cordon.intel.cluster.RocksClusterStore;
import dev.cordon.intel.store.InMemoryLabelStore;
import dev.cordon.intel.store.LabelStore;
import dev.cordon.intel.store.RocksLabelStore;
import dev.cordon.intel.store.internal.IntelDb;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The intelligence store: labels, actors, datasets and clusters, in its own RocksDB folder
 * {@code <data>/intel} (apart from the chain store), or in memory.
 */
public final class IntelStore implements AutoCloseable {
    /** Folder of the intel store under the data folder. */
    public static final String FOLDER = "intel";
    private final Optional<IntelDb> db;
    private final LabelStore labels;
    private final ClusterStore clusters;

    private IntelStore(Optional<IntelDb> db, LabelStore labels, ClusterStore clusters) {
        this.db = db;
        this.labels = labels;
        this.clusters = clusters;
    }

    /** Opens or creates {@code <dataDir>/intel}. */
    public static IntelStore open(Path dataDir) {
        IntelDb db = IntelDb.open(dataDir.resolve(FOLDER));
        return new IntelStore(Optional.of(db), new RocksLabelStore(db), new RocksClusterStore(db));
    }

    public static IntelStore inMemory() {
        return new IntelStore(Optional.empty(), new InMemoryLabelStore(), new InMemoryClusterStore());
    }

    public LabelStore labels() {
        return labels;
    }

    public ClusterStore clusters() {
        return clusters;
    }

    @Override
    public void close() {
        labels.close();
        clusters.close();
        db.ifPresent(IntelDb::close);
    }
}
