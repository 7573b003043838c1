package dev.cordon.intel.cluster;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Label;
import dev.cordon.core.TransferKind;
import dev.cordon.core.account.BlockRef;
import dev.cordon.intel.LabelIndex;
import dev.cordon.store.EthBlockInfo;
import dev.cordon.store.EthereumStore;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Brings the Ethereum deposit-address clusters ({@link DepositAddressHeuristic}) up to the
 * Ethereum store's checkpoint, reading its transfers in chain order from the block after the
 * clusters' cursor.
 *
 * <h2>Design notes</h2>
 * The cursor is a block height saved with that block's hash, together with the clusters, in one
 * atomic {@link ClusterStore#save}. Each run first checks that the store still holds the cursor's
 * block with that hash; when it does not (the store rolled back below the cursor, or rolled back
 * and applied other blocks in its place, or it is another store), the Ethereum clusters are
 * cleared and rebuilt from the store's first block: a union cannot be undone, and the deposit
 * heuristic's matching state is not saved, so a rebuild is the only exact answer. The Ethereum
 * store commits each block with its checkpoint, so the cursor is never ahead of what it keeps.
 * <p>
 * Fed transfers: the transaction's value ({@code NATIVE}), internal calls ({@code INTERNAL}) and
 * ERC-20 transfers; fees, creations, self-destructs, NFTs and WETH wrapping are skipped. Amounts
 * are given to the heuristic in 10<sup>-9</sup> of a whole coin or token (gwei for ETH) so that
 * its 0.01 shortfall applies to every asset alike; an amount that does not fit a {@code long}
 * in that unit is skipped. Store address ids map to cluster ids through an {@code int[]} built as
 * the run meets them (one store read per distinct address per run); an address new to the
 * clusters gets its open labels as tags, which is how exchange hot wallets (labels of category
 * {@code exchange}) become targets. The store's scan decodes one record and one
 * {@link BigInteger} per transfer; nothing else is allocated per transfer.
 * <p>
 * Running time O(t·α(n)) for t transfers, plus one store read per distinct address. Not
 * thread-safe.
 */
public final class EthClusterFeeder {
    /** Transfers between intermediate saves of a long catch-up. */
    public static final long SAVE_EVERY_TRANSFERS = 2_000_000;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final EthereumStore store;
    private final ClusterStore sink;
    private final Optional<LabelIndex> labels;
    private DepositAddressHeuristic heuristic = new DepositAddressHeuristic();
    private final Flow flow = new Flow();
    private ChainClusters state;
    /** Store address id to 1 + cluster id; 0 when not resolved yet in this run. */
    private int[] clusterIdOf = new int[4096];
    /** Store asset id to 1 + decimals; 0 when not looked up yet. */
    private int[] decimalsOf = new int[64];
    private long transfers;
    private long fed;
    private long sinceSave;
    private long height = -1;

    /**
     * @param labels open labels to tag newly seen addresses with; empty to tag nothing
     */
    public EthClusterFeeder(EthereumStore store, ClusterStore sink, Optional<LabelIndex> labels) {
        this.store = Objects.requireNonNull(store, "store");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    /**
     * What one catch-up did.
     *
     * @param fromHeight first height applied (cursor + 1)
     * @param toHeight   the cursor afterwards (the store's checkpoint height, -1 for an empty store)
     * @param transfers  transfers read
     * @param fed        transfers given to the heuristic
     * @param rebuilt    whether the saved clusters were cleared first (reorganisation or rebuild)
     * @param state      the clustering state as saved
     * @param stats      the heuristic's counters for this run
     */
    public record Result(long fromHeight, long toHeight, long transfers, long fed, boolean rebuilt, ChainClusters state,
                         HeuristicStats stats) {
    }

    /** Applies the blocks after the saved cursor, rebuilding first when the cursor's block is gone. */
    public Result catchUp(LongConsumer progress) {
        ChainClusters loaded = sink.load(Chain.ETHEREUM);
        if (onStoreChain(loaded)) {
            return feed(loaded, false, progress);
        }
        return rebuild(progress);
    }

    /** Clears the saved Ethereum clusters and clusters every stored block again. */
    public Result rebuild(LongConsumer progress) {
        sink.clear(Chain.ETHEREUM);
        return feed(sink.load(Chain.ETHEREUM), true, progress);
    }

    /** Whether the store still holds the cursor's block (with the saved hash, when there is one). */
    private boolean onStoreChain(ChainClusters s) {
        if (s.cursor() < 0) {
            return true;
        }
        Optional<EthBlockInfo> b = store.block(s.cursor());
        return b.isPresent() && s.cursorHash().map(h -> h.equals(b.get().hash())).orElse(true);
    }

    private Result feed(ChainClusters s, boolean rebuilt, LongConsumer progress) {
        this.state = s;
        heuristic = new DepositAddressHeuristic();
        Arrays.fill(clusterIdOf, 0);
        transfers = 0;
        fed = 0;
        sinceSave = 0;
        height = -1;
        long from = s.cursor() + 1;
        Optional<BlockRef> tip = store.checkpoint();
        if (tip.isEmpty() || from > tip.get().height()) {
            return new Result(from, s.cursor(), 0, 0, rebuilt, s, heuristic.stats());
        }
        long last = tip.get().height();
        store.forEachTransfer(from, (seq, h, txIndex, kind, f, t, asset, amount) -> {
            if (h > last) {
                return false;
            }
            if (h != height) {
                atBlockStart(h);
            }
            feed(h, kind, f, t, asset, amount);
            if ((++transfers & 0x3fff) == 0) {
                progress.accept(transfers);
            }
            return true;
        });
        s.cursor(last, tip.get().hash());
        sink.save(s);
        progress.accept(transfers);
        return new Result(from, last, transfers, fed, rebuilt, s, heuristic.stats());
    }

    /** Saves at a block boundary once enough was read, so that a long catch-up keeps its progress. */
    private void atBlockStart(long h) {
        if (height >= 0 && sinceSave >= SAVE_EVERY_TRANSFERS) {
            EthBlockInfo prev = store.block(h - 1).orElseThrow(() ->
                    new CordonException(ErrorCode.STORE, "the Ethereum store lacks block " + (h - 1) + " below its checkpoint"));
            state.cursor(h - 1, prev.hash());
            sink.save(state);
            sinceSave = 0;
        }
        height = h;
    }

    private void feed(long h, TransferKind kind, int from, int to, int asset, BigInteger amount) {
        sinceSave++;
        if (kind != TransferKind.NATIVE && kind != TransferKind.INTERNAL && kind != TransferKind.ERC20) {
            return;
        }
        long value = nanoUnits(asset, amount);
        if (value < 0 || from < 0 || to < 0) {
            return;
        }
        flow.from = clusterId(from);
        flow.to = clusterId(to);
        flow.asset = asset;
        flow.value = value;
        flow.block = h;
        fed++;
        heuristic.apply(flow, state.clusters());
    }

    /** The amount in 10^-9 of a whole unit of the asset, or -1 when it does not fit a long. */
    long nanoUnits(int asset, BigInteger amount) {
        int decimals = decimals(asset);
        if (amount.signum() < 0) {
            return -1;
        }
        if (amount.bitLength() <= 63) {
            long raw = amount.longValue();
            if (decimals >= 9) {
                return decimals - 9 < POW10.length ? raw / POW10[decimals - 9] : 0;
            }
            long m = POW10[9 - decimals];
            return raw > Long.MAX_VALUE / m ? -1 : raw * m;
        }
        if (decimals <= 9) {
            return -1;
        }
        BigInteger v = amount.divide(BigInteger.TEN.pow(decimals - 9));
        return v.bitLength() <= 63 ? v.longValue() : -1;
    }

    private int decimals(int asset) {
        if (asset >= decimalsOf.length) {
            decimalsOf = Arrays.copyOf(decimalsOf, Math.max(asset + 1, decimalsOf.length * 2));
        }
        if (decimalsOf[asset] == 0) {
            Asset a = store.assetById(asset).orElseThrow(() ->
                    new CordonException(ErrorCode.STORE, "the Ethereum store has no asset with id " + asset));
            decimalsOf[asset] = a.decimals() + 1;
        }
        return decimalsOf[asset] - 1;
    }

    /** The cluster id of a store address id, resolved through the store once per run. */
    private int clusterId(int storeId) {
        if (storeId >= clusterIdOf.length) {
            clusterIdOf = Arrays.copyOf(clusterIdOf, Math.max(storeId + 1, clusterIdOf.length + (clusterIdOf.length >>> 1)));
        }
        int v = clusterIdOf[storeId];
        if (v != 0) {
            return v - 1;
        }
        Address a = store.addressById(storeId).orElseThrow(() ->
                new CordonException(ErrorCode.STORE, "the Ethereum store has no address with id " + storeId));
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

    /** The transfer being fed, in cluster ids; one instance is reused for every transfer. */
    private static final class Flow implements Transfer {
        private int from;
        private int to;
        private int asset;
        private long value;
        private long block;

        @Override
        public int from() {
            return from;
        }

        @Override
        public int to() {
            return to;
        }

        @Override
        public int asset() {
            return asset;
        }

        @Override
        public long value() {
            return value;
        }

        @Override
        public long block() {
            return block;
        }
    }
}
