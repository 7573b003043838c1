package dev.cordon.store;

import dev.cordon.core.Clock;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.store.internal.CacheSizes;
import dev.cordon.store.internal.KvChainStore;
import dev.cordon.store.internal.RocksKeyValueStore;
import dev.cordon.store.internal.WriteGrouping;
import java.nio.file.Path;
import java.util.List;

/**
 * Ingests the {@link ChainGenerator} chain into a RocksDB store (small caches, so that inputs
 * are also resolved from disk), out of order and slowly; run
 * in a separate JVM by {@link RocksKillIT}, which kills it. Prints {@code accepted N} after each
 * input block so that the parent can kill it at a chosen point of the run.
 *
 * <p>Arguments: store directory, seed, block count, transactions per block, pause per block in
 * milliseconds.
 */
public final class IngestMain {
    private IngestMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        List<UtxoBlock> blocks = RocksKillIT.input(seed, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        long pauseMillis = Long.parseLong(args[4]);
        // groups of about ten blocks, so that a kill can land between many deferred commits and
        // the flushes that follow them (the kill test sets the deferred sync interval to zero)
        try (ChainStore store = KvChainStore.open(RocksKeyValueStore.open(dir.toAbsolutePath(), 8 << 20),
                dir.toString(), CacheSizes.SMALL, new WriteGrouping(200, 50, Clock.system()), dir.toAbsolutePath())) {
            BlockIngestor in = new BlockIngestor(store, 1000);
            int accepted = 0;
            for (UtxoBlock b : blocks) {
                if (in.accept(b) == BlockIngestor.Outcome.APPLIED && pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
                System.out.println("accepted " + ++accepted);
                System.out.flush();
            }
            System.out.println("done " + in.report());
        }
    }
}
