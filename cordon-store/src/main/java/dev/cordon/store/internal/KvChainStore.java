package dev.cordon.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.store.AddressSummary;
import dev.cordon.store.BlockInfo;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Checkpoint;
import dev.cordon.store.HistoryEntry;
import dev.cordon.store.HistoryOrder;
import dev.cordon.store.StoreException;
import dev.cordon.store.TxFlow;
import dev.cordon.store.TxInfo;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link ChainStore} over any {@link KeyValueStore}: the RocksDB store and the in-memory twin
 * are this class over two backends, so they hold the same bytes and the contract tests check
 * the codecs as well as the logic.
 *
 * <p>Design notes. Everything the tracing engine walks is keyed by dense ids: a transaction's
 * record (TX_RECORD, by txNum) holds its inputs already resolved to (address id, value, spent
 * txNum, vout), so walking money backwards never needs a second lookup; ADDRESS_HISTORY keys
 * ({@code chain, address id, txNum}) sort an address's transactions in chain order; SPENDS
 * maps an output to the transaction spending it, to walk forwards. Text addresses and 32-byte
 * hashes appear only in the lookup columns. See {@link Column} for the layout.
 *
 * <p>Appended blocks are committed in groups ({@link BlockApplier}, {@link WriteGrouping}).
 * Every read that touches the key-value store first commits the uncommitted blocks, so a
 * caller always reads what it appended; the tip and the counts come from memory and include
 * them. {@link #block(BlockHash)} commits only when asked for an uncommitted block, so that
 * {@link dev.cordon.store.BlockIngestor}'s presence checks do not break the groups up.
 */
public final class KvChainStore implements ChainStore {
    private final KeyValueStore kv;
    private final String location;
    private final ConcurrentMap<Chain, CheckpointCodec> tips = new ConcurrentHashMap<>();
    private final BlockApplier applier;
    private volatile KvEthereumStore ethereum;
    private volatile boolean closed;

    private KvChainStore(KeyValueStore kv, String location, CacheSizes caches, WriteGrouping grouping, Path filterDir) {
        this.kv = kv;
        this.location = location;
        for (Chain c : Chain.values()) {
            kv.get(Column.META, Keys.checkpoint(c)).ifPresent(v -> tips.put(c, CheckpointCodec.decode(v)));
        }
        this.applier = new BlockApplier(kv, tips, caches, grouping, filterDir);
    }

    /**
     * Opens a store over {@code kv}, checking its format first; closes {@code kv} when refused.
     *
     * @param location named in messages (a directory, or "memory")
     * @throws StoreException with {@link ErrorCode#STORE} when the format is not this build's
     */
    public static KvChainStore open(KeyValueStore kv, String location, CacheSizes caches, WriteGrouping grouping) {
        return open(kv, location, caches, grouping, null);
    }

    /**
     * As {@link #open(KeyValueStore, String, CacheSizes, WriteGrouping)}, keeping the writer's
     * address filters ({@link AddressFilter}) in {@code filterDir} between runs; with null they
     * are built from the store when first needed.
     */
    public static KvChainStore open(KeyValueStore kv, String location, CacheSizes caches, WriteGrouping grouping,
                                    Path filterDir) {
        try {
            FormatCodec.checkOrInit(kv, location);
            return new KvChainStore(kv, location, caches, grouping, filterDir);
        } catch (RuntimeException e) {
            kv.close();
            throw e;
        }
    }

    /** As {@link #open(KeyValueStore, String, CacheSizes, WriteGrouping)}, committing every block on its own. */
    public static KvChainStore open(KeyValueStore kv, String location, CacheSizes caches) {
        return open(kv, location, caches, new WriteGrouping(1, 0, () -> 0L));
    }

    @Override
    public synchronized BlockInfo append(UtxoBlock block) {
        checkOpen();
        return applier.apply(block);
    }

    @Override
    public synchronized void flush() {
        checkOpen();
        applier.finish();
        kv.sync();
    }

    @Override
    public Optional<BlockInfo> block(Chain chain, long height) {
        if (height < 0 || height > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return kv().get(Column.BLOCKS_BY_HEIGHT, Keys.height(chain, height))
                .map(v -> blockInfo(chain, height, BlockCodec.decode(v)));
    }

    @Override
    public Optional<BlockInfo> block(BlockHash hash) {
        checkOpen();
        if (applier.hasPending()) {
            synchronized (this) {
                if (applier.isPending(hash)) {
                    applier.commit();
                }
            }
        }
        for (Chain c : Chain.values()) {
            Optional<byte[]> h = kv.get(Column.BLOCK_HEIGHT_BY_HASH, Keys.hash(c, hash));
            if (h.isPresent()) {
                int height = FixedCodecs.int4(h.get(), Column.BLOCK_HEIGHT_BY_HASH);
                return kv.get(Column.BLOCKS_BY_HEIGHT, Keys.height(c, height))
                        .map(v -> blockInfo(c, height, BlockCodec.decode(v)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<TxInfo> tx(TxId txid) {
        for (Chain c : Chain.values()) {
            OptionalLong num = txNum(c, txid);
            if (num.isPresent()) {
                return txFlow(c, num.getAsLong()).map(f -> txInfo(c, f));
            }
        }
        return Optional.empty();
    }

    private TxInfo txInfo(Chain chain, TxFlow f) {
        BlockCodec b = blockRecord(chain, f.height());
        List<TxInfo.Input> inputs = new ArrayList<>(f.inputCount());
        for (int i = 0; i < f.inputCount(); i++) {
            TxId spent = TxCodec.txid(require(Column.TX_RECORD, Keys.txNum(chain, f.inputSpentTxNum(i))));
            inputs.add(new TxInfo.Input(new OutPoint(spent, f.inputSpentVout(i)), addressOrEmpty(chain, f.inputAddressId(i)),
                    amount(chain, f.inputValue(i))));
        }
        List<TxInfo.Output> outputs = new ArrayList<>(f.outputCount());
        for (int k = 0; k < f.outputCount(); k++) {
            Optional<TxId> spentBy = Optional.empty();
            OptionalLong spender = spendingTx(chain, f.txNum(), k);
            if (spender.isPresent()) {
                spentBy = Optional.of(TxCodec.txid(require(Column.TX_RECORD, Keys.txNum(chain, spender.getAsLong()))));
            }
            String data = kv().get(Column.OUTPUT_DATA, Keys.output(chain, f.txNum(), k)).map(Hex::encode).orElse("");
            outputs.add(new TxInfo.Output(k, f.outputKind(k), addressOrEmpty(chain, f.outputAddressId(k)),
                    amount(chain, f.outputValue(k)), data, spentBy));
        }
        return new TxInfo(chain, f.txid(), f.txNum(), f.height(), b.hash(), Instant.ofEpochSecond(b.timeSeconds()),
                f.index(), f.coinbase(), inputs, outputs, amount(chain, f.fee()), f.size(), f.vsize());
    }

    @Override
    public Optional<AddressSummary> address(Address address) {
        OptionalInt id = addressId(address);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(summary(address, id.getAsInt()));
    }

    private AddressSummary summary(Address address, int id) {
        Chain chain = address.chain();
        SummaryCodec s = SummaryCodec.decode(require(Column.ADDRESS_SUMMARY, Keys.summary(chain, id, 0)));
        return new AddressSummary(address, id, amount(chain, s.balance()), amount(chain, s.received()),
                amount(chain, s.sent()), s.txCount(), s.firstHeight(), time(chain, s.firstHeight()),
                s.lastHeight(), time(chain, s.lastHeight()));
    }

    @Override
    public List<HistoryEntry> history(Address address, int limit, HistoryOrder order) {
        if (limit < 0) {
            throw new StoreException(ErrorCode.USAGE, "history limit must be >= 0: " + limit);
        }
        OptionalInt id = addressId(address);
        List<HistoryEntry> out = new ArrayList<>();
        if (id.isEmpty() || limit == 0) {
            return out;
        }
        Chain chain = address.chain();
        kv().scan(Column.ADDRESS_HISTORY, Keys.addressId(chain, id.getAsInt()), order == HistoryOrder.NEWEST_FIRST, (k, v) -> {
            Codec.checkLength(v, Column.ADDRESS_HISTORY, FixedCodecs.HISTORY_LENGTH);
            long txNum = Bytes.getLong(k, 5);
            int height = Bytes.getInt(v, 0);
            TxId txid = TxCodec.txid(require(Column.TX_RECORD, Keys.txNum(chain, txNum)));
            out.add(new HistoryEntry(height, time(chain, height), txid, txNum, amount(chain, Bytes.getLong(v, 4)),
                    amount(chain, Bytes.getLong(v, 12))));
            return out.size() < limit;
        });
        return out;
    }

    @Override
    public List<AddressSummary> richest(Chain chain, int n) {
        if (n < 0) {
            throw new StoreException(ErrorCode.USAGE, "richest count must be >= 0: " + n);
        }
        // min-heap on (balance, then larger id first) so the result order is total and stable
        Comparator<long[]> byBalance = Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> -e[1]);
        PriorityQueue<long[]> top = new PriorityQueue<>(byBalance);
        if (n > 0) {
            kv().scan(Column.ADDRESS_SUMMARY, Keys.chain(chain), false, (k, v) -> {
                if (Bytes.getInt(k, 5) == 0) {
                    long[] e = {SummaryCodec.balance(v), Bytes.getInt(k, 1)};
                    if (top.size() < n) {
                        top.add(e);
                    } else if (byBalance.compare(e, top.peek()) > 0) {
                        top.poll();
                        top.add(e);
                    }
                }
                return true;
            });
        }
        List<AddressSummary> out = new ArrayList<>(top.size());
        while (!top.isEmpty()) {
            int id = (int) top.poll()[1];
            Address a = addressById(chain, id).orElseThrow(() -> damaged(Column.ADDRESS_SUMMARY, "address id " + id));
            out.add(summary(a, id));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public Optional<Checkpoint> checkpoint(Chain chain) {
        checkOpen();
        CheckpointCodec c = tips.get(chain);
        return c == null ? Optional.empty() : Optional.of(new Checkpoint(chain, c.tipHeight(), c.tipHash()));
    }

    @Override
    public long blockCount(Chain chain) {
        checkOpen();
        CheckpointCodec c = tips.get(chain);
        return c == null ? 0 : c.tipHeight() + 1;
    }

    @Override
    public long txCount(Chain chain) {
        checkOpen();
        CheckpointCodec c = tips.get(chain);
        return c == null ? 0 : c.nextTxNum();
    }

    @Override
    public long addressCount(Chain chain) {
        checkOpen();
        CheckpointCodec c = tips.get(chain);
        return c == null ? 0 : c.nextAddrId();
    }

    @Override
    public OptionalInt addressId(Address address) {
        Optional<byte[]> v = kv().get(Column.ADDRESS_ID_BY_TEXT, Keys.addressText(address));
        return v.isEmpty() ? OptionalInt.empty() : OptionalInt.of(FixedCodecs.int4(v.get(), Column.ADDRESS_ID_BY_TEXT));
    }

    @Override
    public Optional<Address> addressById(Chain chain, int id) {
        return kv().get(Column.ADDRESS_SUMMARY, Keys.summary(chain, id, 0))
                .map(v -> new Address(chain, SummaryCodec.decode(v).text()));
    }

    @Override
    public OptionalLong txNum(Chain chain, TxId txid) {
        Optional<byte[]> v = kv().get(Column.TX_ID_BY_HASH, Keys.hash(chain, txid));
        return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(FixedCodecs.long8(v.get(), Column.TX_ID_BY_HASH));
    }

    @Override
    public Optional<TxFlow> txFlow(Chain chain, long txNum) {
        return kv().get(Column.TX_RECORD, Keys.txNum(chain, txNum)).map(v -> new TxCodec.View(txNum, v));
    }

    @Override
    public void forEachTx(Chain chain, long fromTxNum, TxFlowVisitor visitor) {
        kv().scanFrom(Column.TX_RECORD, Keys.chain(chain), Keys.txNum(chain, Math.max(0, fromTxNum)),
                (k, v) -> visitor.visit(new TxCodec.View(Bytes.getLong(k, 1), v)));
    }

    @Override
    public void forEachAddressTx(Chain chain, int addressId, AddressTxVisitor visitor) {
        kv().scan(Column.ADDRESS_HISTORY, Keys.addressId(chain, addressId), false, (k, v) -> {
            Codec.checkLength(v, Column.ADDRESS_HISTORY, FixedCodecs.HISTORY_LENGTH);
            return visitor.visit(Bytes.getLong(k, 5), Bytes.getInt(v, 0), Bytes.getLong(v, 4), Bytes.getLong(v, 12));
        });
    }

    @Override
    public OptionalLong spendingTx(Chain chain, long txNum, int vout) {
        Optional<byte[]> v = kv().get(Column.SPENDS, Keys.output(chain, txNum, vout));
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        Codec.checkLength(v.get(), Column.SPENDS, FixedCodecs.SPENDS_LENGTH);
        return OptionalLong.of(Bytes.getLong(v.get(), 0));
    }

    @Override
    public String contentDigest() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        byte[] len = new byte[4];
        for (Column c : Column.values()) {
            if (c.id() >= Column.FIRST_ACCOUNT_ID && isEmpty(c)) {
                continue; // columns added within format 2 leave the digest of a store without them unchanged
            }
            md.update((byte) c.id());
            kv().scan(c, new byte[0], false, (k, v) -> {
                Bytes.putInt(len, 0, k.length);
                md.update(len);
                md.update(k);
                Bytes.putInt(len, 0, v.length);
                md.update(len);
                md.update(v);
                return true;
            });
        }
        return Hex.encode(md.digest());
    }

    @Override
    public synchronized dev.cordon.store.EthereumStore ethereum() {
        checkOpen();
        if (ethereum == null) {
            ethereum = new KvEthereumStore(kv, location);
        }
        return ethereum;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            try {
                applier.close();
            } finally {
                closed = true;
                kv.close();
            }
        }
    }

    private boolean isEmpty(Column c) {
        boolean[] any = new boolean[1];
        kv().scan(c, new byte[0], false, (k, v) -> {
            any[0] = true;
            return false;
        });
        return !any[0];
    }

    private BlockInfo blockInfo(Chain chain, long height, BlockCodec b) {
        return new BlockInfo(chain, height, b.hash(), b.parent(), Instant.ofEpochSecond(b.timeSeconds()), b.txCount(),
                b.size(), amount(chain, b.fees()), amount(chain, b.totalOut()), b.firstTxNum());
    }

    private BlockCodec blockRecord(Chain chain, int height) {
        return BlockCodec.decode(require(Column.BLOCKS_BY_HEIGHT, Keys.height(chain, height)));
    }

    private Instant time(Chain chain, int height) {
        return Instant.ofEpochSecond(blockRecord(chain, height).timeSeconds());
    }

    private Optional<Address> addressOrEmpty(Chain chain, int id) {
        if (id < 0) {
            return Optional.empty();
        }
        return Optional.of(addressById(chain, id).orElseThrow(() -> damaged(Column.ADDRESS_SUMMARY, "address id " + id)));
    }

    private static Amount amount(Chain chain, long units) {
        return Amount.of(chain.nativeAsset(), units);
    }

    private byte[] require(Column column, byte[] key) {
        return kv().get(column, key).orElseThrow(() -> damaged(column, "key " + Hex.encode(key)));
    }

    private StoreException damaged(Column column, String what) {
        return new StoreException(ErrorCode.STORE, "store at " + location + " is damaged: " + column + " has no " + what);
    }

    /** The key-value store, after committing any uncommitted blocks (visible, not yet durable). */
    private KeyValueStore kv() {
        checkOpen();
        if (applier.hasPending()) {
            synchronized (this) {
                applier.commit();
            }
        }
        return kv;
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException(ErrorCode.STORE, "store at " + location + " is closed");
        }
    }
}
