package dev.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Chain;
import dev.cordon.core.utxo.UtxoBlock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded: both backends, fed in order or out of order, end with identical bytes. */
class StoreTwinsTest {
    @TempDir
    Path dir;

    @Test
    void ingest_generatedChain_sameDigestOnBothBackendsAndAnyArrivalOrder() {
        long seed = Long.getLong("cordon.test.seed", System.nanoTime());
        System.out.println("StoreTwinsTest seed " + seed + " (rerun with -Dcordon.test.seed=" + seed + ")");
        List<UtxoBlock> blocks = new ChainGenerator(seed, 300).blocks(120, 15);
        String memory;
        try (ChainStore m = MemoryChainStore.create()) {
            BlockIngestor in = new BlockIngestor(m, 0);
            blocks.forEach(in::accept);
            memory = m.contentDigest();
            long balances = 0;
            for (AddressSummary s : m.richest(Chain.BITCOIN, Integer.MAX_VALUE)) {
                balances += s.balance().units().longValueExact();
            }
            long fees = 0;
            for (long h = 0; h < m.blockCount(Chain.BITCOIN); h++) {
                BlockInfo b = m.block(Chain.BITCOIN, h).orElseThrow();
                fees += b.totalFees().units().longValueExact();
            }
            // value is conserved: coinbases minted 50 BTC per block; what was not paid as fees or
            // to address-less outputs sits in address balances
            long[] addressless = {0};
            m.forEachTx(Chain.BITCOIN, 0, tx -> {
                for (int k = 0; k < tx.outputCount(); k++) {
                    if (tx.outputAddressId(k) < 0 && m.spendingTx(Chain.BITCOIN, tx.txNum(), k).isEmpty()) {
                        addressless[0] += tx.outputValue(k);
                    }
                }
                return true;
            });
            assertThat(balances + fees + addressless[0]).isEqualTo(120 * 5_000_000_000L);
        }
        try (ChainStore r = RocksChainStore.open(dir, 8 << 20)) {
            BlockIngestor in = new BlockIngestor(r, 100);
            ChainGenerator.outOfOrder(blocks, 10, seed).forEach(in::accept);
            assertThat(in.report().waiting()).isEmpty();
            assertThat(r.contentDigest()).isEqualTo(memory);
        }
    }
}
