package dev.cordon.intel.cluster;

import dev.cordon.intel.store.internal.IntelColumn;
import dev.cordon.intel.store.internal.IntelDb;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/** Clusters in the intel store's RocksDB ({@code <data>/intel}); each save is one atomic batch. */
public final class RocksClusterStore extends KvClusterStore {
    private final IntelDb db;

    /** Uses an already open intel database (shared with the label store); does not close it. */
    public RocksClusterStore(IntelDb db) {
        this.db = db;
    }

    @Override
    Optional<byte[]> get(IntelColumn c, byte[] key) {
        return db.get(c, key);
    }

    @Override
    void scan(IntelColumn c, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        db.scan(c, prefix, visitor);
    }

    @Override
    void write(List<Object[]> puts) {
        try (IntelDb.Batch b = db.newBatch()) {
            for (Object[] p : puts) {
                b.put((IntelColumn) p[0], (byte[]) p[1], (byte[]) p[2]);
            }
            db.commit(b);
        }
    }

    @Override
    void delete(List<Object[]> keys) {
        try (IntelDb.Batch b = db.newBatch()) {
            for (Object[] k : keys) {
                b.delete((IntelColumn) k[0], (byte[]) k[1]);
            }
            db.commit(b);
        }
    }

    @Override
    public void close() {
    }
}
