package dev.cordon.cli.chain;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.store.ChainStore;
import dev.cordon.store.RocksChainStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the chain store lives inside a data folder, and opening it. */
public final class ChainStores {
    /** The chain store's folder inside the data folder. */
    public static final String FOLDER = "chain";

    private ChainStores() {
    }

    public static Path location(Path dataDir) {
        return dataDir.resolve(FOLDER);
    }

    /** Opens the store for writing, creating it when absent. */
    public static ChainStore openOrCreate(Path dataDir) {
        Path dir = location(dataDir);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot create " + dir + ": " + e.getMessage(), e);
        }
        return RocksChainStore.open(dir);
    }

    /**
     * Opens an existing store for queries.
     *
     * @throws CordonException with {@link ErrorCode#NOT_FOUND} when there is none
     */
    public static ChainStore openExisting(Path dataDir) {
        Path dir = location(dataDir);
        if (!Files.isDirectory(dir)) {
            throw new CordonException(ErrorCode.NOT_FOUND, "no chain data in " + dataDir
                    + " (run 'cordon ingest bitcoin --blocks PATH' first, or pass --data)");
        }
        return RocksChainStore.open(dir);
    }
}
