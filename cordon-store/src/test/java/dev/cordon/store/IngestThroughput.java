package dev.cordon.store;

import dev.cordon.core.Chain;
import dev.cordon.core.utxo.UtxoBlock;
import java.nio.file.Path;
import java.util.List;

/**
 * A rough ingest throughput probe (not a test): generated blocks of about 2000 transactions
 * into a RocksDB store. Arguments: store directory, block count. The JMH benchmark in
 * cordon-bench is the measurement of record.
 */
public final class IngestThroughput {
    private IngestThroughput() {
    }

    public static void main(String[] args) {
        int blocks = Integer.parseInt(args[1]);
        List<UtxoBlock> input = new ChainGenerator(42, 2_000_000).blocks(blocks, 1000);
        long txs = input.stream().mapToLong(b -> b.txs().size()).sum();
        try (ChainStore store = RocksChainStore.open(Path.of(args[0]))) {
            BlockIngestor in = new BlockIngestor(store, 0);
            long t0 = System.nanoTime();
            input.forEach(in::accept);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d blocks, %d txs in %.2f s: %.0f tx/s, %d addresses%n", blocks, txs, s, txs / s,
                    store.addressCount(Chain.BITCOIN));
        }
    }
}
