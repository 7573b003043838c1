package dev.cordon.intel.cluster;

import dev.cordon.intel.store.internal.IntelDb;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class RocksClusterStoreTest extends ClusterStoreContract {
    @TempDir
    Path dir;
    private IntelDb db;

    @Override
    ClusterStore create() {
        db = IntelDb.open(dir.resolve("intel"));
        return new RocksClusterStore(db);
    }

    @Override
    ClusterStore reopen() {
        db.close();
        return create();
    }

    @AfterEach
    void closeDb() {
        db.close();
    }
}
