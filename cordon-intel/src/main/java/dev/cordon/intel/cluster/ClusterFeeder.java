package dev.cordon.intel.cluster;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.intel.LabelIndex;
import dev.cordon.store.BlockInfo;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Checkpoint;
import dev.cordon.store.TxFlow;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Brings the Bitcoin multi-input clusters of a {@link ChainClusters} state up to the chain
 * store's checkpoint, reading the store's transactions in chain order from the block after the
 * state's cursor.
 *
 * <h2>Design notes</h2>
 * The cursor is a block height and only moves at block boundaries, together with the clusters,
 * in one atomic {@link ClusterStore#save}. The chain store is flushed before anything is read,
 * so the cursor never passes a block that a crash could take back; a run killed between saves
 * leaves an older cursor, and the next run applies those blocks again (a union is idempotent).
 * <p>
 * The chain store and the cluster dictionary number addresses differently, so store ids are
 * mapped to cluster ids through a primitive {@code int[]} built as the run meets them: one store
 * point read (for the address text) per distinct address per run, then an array load. Every
 * output address is given a cluster id (a never-spending address is a cluster of one); an
 * address new to the dictionary gets the open labels of {@code labels} as cluster tags, so a
 * merge of two differently labelled services is refused. Transactions with fewer than two
 * inputs teach nothing and skip the heuristic. No allocation per transaction or input.
 * <p>
 * Running time O(t + i·α(n)) for t transactions and i inputs read, plus one store read per
 * distinct address. Not thread-safe.
 */
public final class ClusterFeeder {
    /** Transactions between intermediate saves of a long catch-up. */
    public static final long SAVE_EVERY_TXS = 2_000_000;
    private final ChainStore store;
    private final ClusterStore sink;
    private final ChainClusters state;
    private final Optional<LabelIndex> labels;
    private final MultiInputHeuristic heuristic = new MultiInputHeuristic();
    private final FlowInputs view = new FlowInputs();
    /** Store address id to 1 + cluster id; 0 when not resolved yet in this run. */
    private int[] clusterIdOf = new int[4096];
    private long transactions;
    private long inputs;
    private long sinceSave;
    private int height = -1;

    /**
     * @param labels open labels to tag newly seen addresses with; empty to tag nothing
     */
    public ClusterFeeder(ChainStore store, ClusterStore sink, ChainClusters state, Optional<LabelIndex> labels) {
        this.store = Objects.requireNonNull(store, "store");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.state = Objects.requireNonNull(state, "state");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (state.chain() != Chain.BITCOIN) {
            throw new CordonException(ErrorCode.USAGE, "multi-input clustering feeds Bitcoin, not " + state.chain().code());
        }
    }

    /**
     * What one catch-up did.
     *
     * @param fromHeight   first height applied (cursor + 1)
     * @param toHeight     the cursor afterwards (the store's checkpoint height)
     * @param transactions transactions read
     * @param inputs       inputs of the multi-input transactions given to the heuristic
     * @param stats        the heuristic's counters for this run
     */
    public record Result(long fromHeight, long toHeight, long transactions, long inputs, HeuristicStats stats) {
    }

    /**
     * Applies every block after the state's cursor up to the store's checkpoint and saves.
     *
     * @param progress receives the number of transactions read so far, now and then
     * @throws CordonException with {@link ErrorCode#DATA} when the saved cursor is beyond the
     *                         store's checkpoint (the state belongs to another store)
     */
    public Result catchUp(LongConsumer progress) {
        Chain chain = state.chain();
        store.flush();
        long tip = store.checkpoint(chain).map(Checkpoint::height).orElse(-1L);
        long from = state.cursor() + 1;
        if (from - 1 > tip) {
            throw new CordonException(ErrorCode.DATA, "the " + chain.code() + " clusters reach height " + (from - 1)
                    + " but the chain store ends at " + tip + " (another store?): run 'cordon cluster rebuild'");
        }
        if (from > tip) {
            return new Result(from, tip, 0, 0, heuristic.stats());
        }
        long firstTx = block(chain, from).firstTxNum();
        BlockInfo last = block(chain, tip);
        long endTx = last.firstTxNum() + last.txCount();
        store.forEachTx(chain, firstTx, tx -> {
            if (tx.txNum() >= endTx) {
                return false;
            }
            if (tx.height() != height) {
                atBlockStart(tx.height());
            }
            feed(tx);
            if ((++transactions & 0x3fff) == 0) {
                progress.accept(transactions);
            }
            return true;
        });
        state.cursor(tip);
        sink.save(state);
        progress.accept(transactions);
        return new Result(from, tip, transactions, inputs, heuristic.stats());
    }

    private BlockInfo block(Chain chain, long h) {
        return store.block(chain, h).orElseThrow(() ->
                new CordonException(ErrorCode.STORE, "the chain store lacks block " + h + " below its checkpoint"));
    }

    /** Saves at a block boundary once enough was read, so that a long catch-up keeps its progress. */
    private void atBlockStart(int h) {
        if (height >= 0 && sinceSave >= SAVE_EVERY_TXS) {
            state.cursor(h - 1L);
            sink.save(state);
            sinceSave = 0;
        }
        height = h;
    }

    private void feed(TxFlow tx) {
        sinceSave++;
        for (int o = 0, n = tx.outputCount(); o < n; o++) {
            int a = tx.outputAddressId(o);
            if (a >= 0) {
                clusterId(a);
            }
        }
        if (!tx.coinbase() && tx.inputCount() >= 2) {
            inputs += tx.inputCount();
            view.tx = tx;
            heuristic.apply(view, state.clusters());
        }
    }

    /** The cluster id of a store address id, resolved through the store once per run. */
    int clusterId(int storeId) {
        if (storeId >= clusterIdOf.length) {
            clusterIdOf = Arrays.copyOf(clusterIdOf, Math.max(storeId + 1, clusterIdOf.length + (clusterIdOf.length >>> 1)));
        }
        int v = clusterIdOf[storeId];
        if (v != 0) {
            return v - 1;
        }
        Address a = store.addressById(state.chain(), storeId).orElseThrow(() ->
                new CordonException(ErrorCode.STORE, "the chain store has no address with id " + storeId));
        int known = state.ids().size();
        int id = state.id(a);
        if (id >= known && labels.isPresent()) {
            for (Label l : labels.get().labels(a)) {
                state.clusters().tag(id, ChainClusters.tagOf(l));
            }
        }
        clusterIdOf[storeId] = id + 1;
        return id;
    }

    /** A stored transaction seen through cluster ids; one instance is reused for every transaction. */
    private final class FlowInputs implements TxInputs {
        private TxFlow tx;

        @Override
        public int inputCount() {
            return tx.inputCount();
        }

        @Override
        public int inputAddress(int i) {
            int a = tx.inputAddressId(i);
            return a < 0 ? -1 : clusterId(a);
        }

        @Override
        public long inputValue(int i) {
            return tx.inputValue(i);
        }

        @Override
        public int outputCount() {
            return tx.outputCount();
        }

        @Override
        public int outputAddress(int i) {
            int a = tx.outputAddressId(i);
            return a < 0 ? -1 : clusterId(a);
        }

        @Override
        public long outputValue(int i) {
            return tx.outputValue(i);
        }
    }
}
