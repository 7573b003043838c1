package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One history entry per (address, transaction), written and read back. */
class EthHistoryTest {
    private static final long SEED = Long.getLong("cordon.test.seed", System.nanoTime());

    @Test
    void flush_randomTransactions_entriesListEachAddressTransfersOnce() {
        System.out.println("EthHistoryTest seed " + SEED);
        Random rnd = new Random(SEED);
        EthHistory history = new EthHistory();
        MemoryKeyValueStore kv = new MemoryKeyValueStore();
        long txFirstSeq = 0;
        for (int tx = 0; tx < 200; tx++) {
            int transfers = 1 + (rnd.nextInt(20) == 0 ? rnd.nextInt(3_000) : rnd.nextInt(12));
            Map<Integer, TreeSet<Long>> expected = new TreeMap<>();
            for (int t = 0; t < transfers; t++) {
                int from = rnd.nextInt(30);
                int to = rnd.nextInt(8) == 0 ? from : rnd.nextInt(30);
                history.add(from, t, EthHistory.SENT);
                history.add(to, t, EthHistory.RECEIVED);
                expected.computeIfAbsent(from, k -> new TreeSet<>()).add(txFirstSeq + t);
                expected.computeIfAbsent(to, k -> new TreeSet<>()).add(txFirstSeq + t);
            }
            try (KeyValueStore.Batch batch = kv.newBatch()) {
                history.flush(batch, txFirstSeq);
                kv.commit(batch);
            }
            for (Map.Entry<Integer, TreeSet<Long>> e : expected.entrySet()) {
                byte[] v = kv.get(Column.ETH_ADDRESS_HISTORY, EthKeys.history(e.getKey(), txFirstSeq)).orElseThrow();
                assertThat(EthHistory.seqs(txFirstSeq, v)).as("tx %d address %d, seed %d", tx, e.getKey(), SEED)
                        .containsExactly(e.getValue().stream().mapToLong(Long::longValue).toArray());
            }
            txFirstSeq += transfers;
        }
    }
}
