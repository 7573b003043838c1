package dev.cordon.cli.chain;

import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.cli.Json;
import dev.cordon.cli.trace.ExposureUpkeep;
import dev.cordon.core.Chain;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Checkpoint;
import dev.cordon.store.IngestReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ingest run into a store: feeds decoded blocks to the ingestor and counts what happened.
 * With {@link #maintainExposure}, the graph and the exposure index follow the store in chain
 * order: extended in memory every {@value #EXPOSURE_EVERY} transactions accepted and at
 * {@link #finish}, which also saves them.
 */
public final class BitcoinIngest {
    /** Transactions accepted between two in-memory exposure catch-ups during a run. */
    public static final int EXPOSURE_EVERY = 1_000_000;

    private final ChainStore store;
    private final BlockIngestor ingestor;
    private final BitcoinNetwork network;
    private final long txBefore;
    private long bytes;
    private ExposureUpkeep exposure;
    private long txsSinceExposure;

    public BitcoinIngest(ChainStore store, int maxHeld, BitcoinNetwork network) {
        this.store = store;
        this.ingestor = new BlockIngestor(store, maxHeld);
        this.network = network;
        this.txBefore = store.txCount(Chain.BITCOIN);
    }

    public BitcoinNetwork network() {
        return network;
    }

    /** Bytes of block data seen so far. */
    public long bytes() {
        return bytes;
    }

    /** The height after the store's tip: where an RPC ingest resumes. */
    public long nextHeight() {
        return store.checkpoint(Chain.BITCOIN).map(c -> c.height() + 1).orElse(0L);
    }

    /** Keeps the exposure index of {@code upkeep} current during the run. */
    public void maintainExposure(ExposureUpkeep upkeep) {
        this.exposure = upkeep;
    }

    public void accept(UtxoBlock block) {
        bytes += block.size();
        ingestor.accept(block);
        txsSinceExposure += block.txs().size();
        if (exposure != null && txsSinceExposure >= EXPOSURE_EVERY) {
            exposure.catchUp(store);
            txsSinceExposure = 0;
        }
    }

    /**
     * Completes the run: everything accepted is durable when this returns, and the exposure index
     * (when maintained) covers it and is saved.
     */
    public void finish() {
        store.flush();
        if (exposure != null) {
            exposure.catchUp(store);
            exposure.save();
        }
    }

    /** Counts for the report: blocks, transactions, tip, and blocks still waiting for a parent. */
    public Map<String, Object> summary(long elapsedMillis) {
        IngestReport r = ingestor.report();
        long txs = store.txCount(Chain.BITCOIN) - txBefore;
        double secs = Math.max(1, elapsedMillis) / 1000.0;
        Optional<Checkpoint> tip = store.checkpoint(Chain.BITCOIN);
        Map<String, Object> m = Json.object();
        m.put("chain", Chain.BITCOIN.code());
        m.put("blocks_applied", r.applied());
        m.put("blocks_already_present", r.alreadyPresent());
        m.put("blocks_stale", r.stale());
        m.put("transactions", txs);
        m.put("bytes", bytes);
        m.put("seconds", Math.round(secs * 10) / 10.0);
        m.put("tx_per_second", Math.round(txs / secs));
        m.put("tip_height", tip.map(Checkpoint::height).orElse(-1L));
        m.put("tip_hash", tip.map(c -> c.hash().hex()).orElse(null));
        List<String> waiting = r.waiting().stream()
                .map(w -> w.hash().hex() + " (parent " + w.parent().hex() + ")").toList();
        m.put("waiting_for_parent", waiting);
        return m;
    }
}
