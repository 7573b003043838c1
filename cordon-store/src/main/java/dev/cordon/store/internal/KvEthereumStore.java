package dev.cordon.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.core.Transfer;
import dev.cordon.core.TxId;
import dev.cordon.core.account.BlockRef;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.core.account.ContractCreation;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.store.EthAddressInfo;
import dev.cordon.store.EthBlockInfo;
import dev.cordon.store.EthTxInfo;
import dev.cordon.store.EthereumStore;
import dev.cordon.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link EthereumStore} over a {@link KeyValueStore}, sharing it with the Bitcoin side of
 * {@link KvChainStore} but none of its keys (columns 12 to 25 and the META "acct" record).
 *
 * <p>Design notes. Transfers get dense sequence numbers in chain order, so a block's and a
 * transaction's transfers are a contiguous range and an address's history is a list of
 * sequence numbers. Parties and token assets are dense ids, as for Bitcoin. Each block is one
 * batch with its checkpoint and its undo record (the balance entries it overwrote and the id
 * counters before it); {@link #rollbackTo} is one batch too. Writes are serialised on this
 * object; the checkpoint is cached and replaced after each commit, so readers see a block's
 * checkpoint only once its entries are committed.
 *
 * <p>The writer keeps address ids, token asset ids and balance entries in memory across blocks
 * ({@link EthAddressIds}, a map of up to 2^16 asset ids, {@link EthBalanceCache}; allocated on
 * the first write: 48 MiB for up to 2^20 address ids, and up to about 70 MiB for 2^18 balance
 * entries). New ids go in as they are assigned and the caches are emptied when a block is not
 * committed; balance entries go in after a commit; a rollback empties all three. So they never
 * hold what the store does not once a write has returned.
 */
public final class KvEthereumStore implements EthereumStore {
    private static final int ADDRESS_IDS = 1 << 20;
    private static final int BALANCES = 1 << 18;
    /** Token asset ids the writer keeps before it empties its map between blocks. */
    private static final int ASSET_IDS = 1 << 16;

    private final KeyValueStore kv;
    private final String location;
    private final int addressIdCapacity;
    private final int balanceCapacity;
    private final ConcurrentMap<Integer, Asset> assets = new ConcurrentHashMap<>();
    private volatile EthCodecs.Checkpoint cp;
    /** The writer's caches (guarded by this object's lock); null until the first write. */
    private EthAddressIds ids;
    private EthBalanceCache balances;
    private final Map<Asset, Integer> assetIds = new HashMap<>();

    public KvEthereumStore(KeyValueStore kv, String location) {
        this(kv, location, ADDRESS_IDS, BALANCES);
    }

    /**
     * @param addressIdCapacity committed address ids the writer keeps in memory
     * @param balanceCapacity   committed balance entries the writer keeps in memory
     */
    KvEthereumStore(KeyValueStore kv, String location, int addressIdCapacity, int balanceCapacity) {
        this.kv = kv;
        this.location = location;
        this.addressIdCapacity = addressIdCapacity;
        this.balanceCapacity = balanceCapacity;
        this.cp = kv.get(Column.META, EthKeys.checkpoint()).map(v -> checkpoint(v, location)).orElse(null);
    }

    @Override
    public synchronized void applyBlock(EthBlockFlows block) {
        EthCodecs.Checkpoint at = cp;
        if (at != null && (block.height() != at.tipHeight() + 1 || !block.parentHash().equals(at.tipHash()))) {
            throw new StoreException(ErrorCode.STORE, "Ethereum block " + block.ref() + " with parent 0x"
                    + block.parentHash().hex() + " does not extend the checkpoint " + ref(at));
        }
        if (ids == null) {
            ids = new EthAddressIds(addressIdCapacity);
            balances = new EthBalanceCache(balanceCapacity);
        }
        if (assetIds.size() >= ASSET_IDS) {
            assetIds.clear();
        }
        boolean committed = false;
        try (KeyValueStore.Batch batch = kv.newBatch()) {
            EthBlockWriter w = at == null ? new EthBlockWriter(kv, batch, 0, 0, 1, ids, assetIds, balances)
                    : new EthBlockWriter(kv, batch, at.nextSeq(), at.nextAddrId(), at.nextAssetId(), ids, assetIds, balances);
            EthCodecs.Checkpoint next = w.write(block, at == null ? block.height() : at.firstHeight());
            kv.commit(batch);
            committed = true;
            cp = next;
            w.remember();
        } finally {
            if (!committed) {
                // The block's new ids went into the caches as they were assigned.
                ids.clear();
                assetIds.clear();
            }
        }
    }

    @Override
    public synchronized void rollbackTo(long height) {
        EthCodecs.Checkpoint at = cp;
        if (at == null || at.tipHeight() <= height) {
            return;
        }
        try (KeyValueStore.Batch batch = kv.newBatch()) {
            EthCodecs.Checkpoint next = new EthRollback(kv, location).write(batch, at, Math.max(height, at.firstHeight() - 1));
            kv.commit(batch);
            cp = next;
            assets.clear();
            assetIds.clear();
            if (ids != null) {
                ids.clear();
                balances.clear();
            }
        }
    }

    @Override
    public Optional<BlockRef> checkpoint() {
        EthCodecs.Checkpoint at = cp;
        return at == null ? Optional.empty() : Optional.of(ref(at));
    }

    @Override
    public List<BlockRef> recentBlocks(int limit) {
        List<BlockRef> out = new ArrayList<>();
        EthCodecs.Checkpoint at = cp;
        if (at == null || limit <= 0) {
            return out;
        }
        for (long h = at.tipHeight(); h >= at.firstHeight() && out.size() < limit; h--) {
            out.add(new BlockRef(h, EthCodecs.Block.decode(require(Column.ETH_BLOCKS, EthKeys.height(h))).hash()));
        }
        return out;
    }

    @Override
    public long transferCount() {
        EthCodecs.Checkpoint at = cp;
        return at == null ? 0 : at.nextSeq();
    }

    @Override
    public Optional<EthBlockInfo> block(long height) {
        if (height < 0) {
            return Optional.empty();
        }
        return kv.get(Column.ETH_BLOCKS, EthKeys.height(height)).map(v -> {
            EthCodecs.Block b = EthCodecs.Block.decode(v);
            return new EthBlockInfo(height, b.hash(), b.parent(), Instant.ofEpochSecond(b.timeSeconds()), b.miner(),
                    b.txCount(), b.transferCount(), creations(EthKeys.height(height)));
        });
    }

    @Override
    public Optional<EthBlockInfo> block(BlockHash hash) {
        return kv.get(Column.ETH_BLOCK_BY_HASH, EthKeys.hash32(hash.bytes()))
                .flatMap(v -> block(FixedCodecs.long8(v, Column.ETH_BLOCK_BY_HASH)));
    }

    @Override
    public Optional<EthTxInfo> tx(TxId txid) {
        return kv.get(Column.ETH_TX, EthKeys.hash32(txid.bytes())).map(v -> {
            EthCodecs.Tx t = EthCodecs.Tx.decode(v);
            EthCodecs.Block b = EthCodecs.Block.decode(require(Column.ETH_BLOCKS, EthKeys.height(t.height())));
            List<Transfer> ts = new ArrayList<>(t.transferCount());
            for (long s = t.firstSeq(); s < t.firstSeq() + t.transferCount(); s++) {
                ts.add(stored(s));
            }
            byte[] prefix = java.util.Arrays.copyOf(EthKeys.creation(t.height(), t.txIndex(), 0), 13);
            return new EthTxInfo(txid, t.height(), b.hash(), Instant.ofEpochSecond(b.timeSeconds()), t.txIndex(), ts,
                    creations(prefix));
        });
    }

    @Override
    public List<BridgeDeposit> bridgeDeposits(TxId txid) {
        Optional<byte[]> v = kv.get(Column.ETH_TX, EthKeys.hash32(txid.bytes()));
        if (v.isEmpty()) {
            return List.of();
        }
        EthCodecs.Tx t = EthCodecs.Tx.decode(v.get());
        byte[] prefix = java.util.Arrays.copyOf(EthKeys.deposit(t.height(), t.txIndex(), 0), 13);
        List<BridgeDeposit> out = new ArrayList<>();
        kv.scan(Column.ETH_BRIDGE_DEPOSITS, prefix, false, (k, d) -> {
            out.add(deposit(k, d));
            return true;
        });
        return out;
    }

    @Override
    public List<BridgeDeposit> bridgeDeposits(long fromHeight, long toHeight) {
        List<BridgeDeposit> out = new ArrayList<>();
        if (fromHeight > toHeight) {
            return out;
        }
        kv.scanFrom(Column.ETH_BRIDGE_DEPOSITS, EthKeys.chain(), EthKeys.height(Math.max(0, fromHeight)), (k, d) -> {
            if (Bytes.getLong(k, 1) > toHeight) {
                return false;
            }
            out.add(deposit(k, d));
            return true;
        });
        return out;
    }

    private static BridgeDeposit deposit(byte[] key, byte[] value) {
        EthCodecs.Deposit d = EthCodecs.Deposit.decode(value);
        return new BridgeDeposit(d.txId(), Bytes.getInt(key, 9), Bytes.getInt(key, 13), d.router(), d.vault(), d.asset(),
                d.amount(), d.memo());
    }

    @Override
    public Optional<EthAddressInfo> address(Address address, int latest) {
        if (latest < 0) {
            throw new StoreException(ErrorCode.USAGE, "latest transfers must be >= 0: " + latest);
        }
        Optional<byte[]> idv = kv.get(Column.ETH_ADDRESS_ID, EthKeys.address(EthCodecs.a20(address)));
        if (idv.isEmpty()) {
            return Optional.empty();
        }
        int id = FixedCodecs.int4(idv.get(), Column.ETH_ADDRESS_ID);
        List<EthAddressInfo.AssetTotals> totals = new ArrayList<>();
        long[] span = {Long.MAX_VALUE, -1, 0};
        kv.scan(Column.ETH_BALANCES, EthKeys.id(id), false, (k, v) -> {
            EthCodecs.Balance b = EthCodecs.Balance.decode(v);
            Asset a = asset(Bytes.getInt(k, 5));
            totals.add(new EthAddressInfo.AssetTotals(new Amount(a, b.balance()), new Amount(a, b.received()),
                    new Amount(a, b.sent()), b.transfers(), b.firstHeight(), b.lastHeight()));
            span[0] = Math.min(span[0], b.firstHeight());
            span[1] = Math.max(span[1], b.lastHeight());
            return true;
        });
        List<Transfer> newest = new ArrayList<>();
        kv.scan(Column.ETH_ADDRESS_HISTORY, EthKeys.id(id), true, (k, v) -> {
            long[] seqs = EthHistory.seqs(Bytes.getLong(k, 5), v);
            span[2] += seqs.length;
            for (int i = seqs.length - 1; i >= 0 && newest.size() < latest; i--) {
                newest.add(stored(seqs[i]));
            }
            return true;
        });
        Optional<ContractCreation> createdBy = kv.get(Column.ETH_CREATED_BY, EthKeys.id(id)).flatMap(k -> {
            List<ContractCreation> cs = creations(concat(EthKeys.chain(), k));
            return cs.isEmpty() ? Optional.empty() : Optional.of(cs.get(0));
        });
        return Optional.of(new EthAddressInfo(address, id, totals, span[1] < 0 ? -1 : span[0], span[1], span[2], createdBy,
                newest));
    }

    @Override
    public void forEachTransfer(long fromHeight, TransferVisitor visitor) {
        EthCodecs.Checkpoint at = cp;
        if (at == null || fromHeight > at.tipHeight()) {
            return;
        }
        long h = Math.max(fromHeight, at.firstHeight());
        long first = EthCodecs.Block.decode(require(Column.ETH_BLOCKS, EthKeys.height(h))).firstSeq();
        kv.scanFrom(Column.ETH_TRANSFERS, EthKeys.chain(), EthKeys.seq(first), (k, v) -> {
            EthCodecs.Transfer t = EthCodecs.Transfer.decode(v);
            return visitor.visit(Bytes.getLong(k, 1), t.height(), t.txIndex(), t.kind(), t.fromId(), t.toId(), t.assetId(), t.amount());
        });
    }

    @Override
    public Optional<Address> addressById(int id) {
        return id < 0 ? Optional.empty()
                : kv.get(Column.ETH_ADDRESS_BY_ID, EthKeys.id(id)).map(v -> EthCodecs.address(v, 0));
    }

    @Override
    public Optional<Asset> assetById(int assetId) {
        if (assetId < 0 || assetId > 0 && kv.get(Column.ETH_ASSETS, EthKeys.id(assetId)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(asset(assetId));
    }

    @Override
    public Optional<Transfer> transfer(long seq) {
        if (seq < 0) {
            return Optional.empty();
        }
        return kv.get(Column.ETH_TRANSFERS, EthKeys.seq(seq)).map(v -> transfer(EthCodecs.Transfer.decode(v)));
    }

    /** The transfer with sequence number {@code seq}, as the chain-neutral value. */
    private Transfer stored(long seq) {
        return transfer(EthCodecs.Transfer.decode(require(Column.ETH_TRANSFERS, EthKeys.seq(seq))));
    }

    private Transfer transfer(EthCodecs.Transfer t) {
        return new Transfer(Chain.ETHEREUM, t.txId(), t.height(), t.txIndex(), t.position(), t.kind(), address(t.fromId()),
                address(t.toId()), new Amount(asset(t.assetId()), t.amount()), t.tokenId());
    }

    private List<ContractCreation> creations(byte[] prefix) {
        List<ContractCreation> out = new ArrayList<>();
        kv.scan(Column.ETH_CREATIONS, prefix, false, (k, v) -> {
            EthCodecs.Creation c = EthCodecs.Creation.decode(v);
            out.add(new ContractCreation(c.txId(), Bytes.getInt(k, 9), c.creator(), c.contract()));
            return true;
        });
        return out;
    }

    private Address address(int id) {
        return EthCodecs.address(require(Column.ETH_ADDRESS_BY_ID, EthKeys.id(id)), 0);
    }

    private Asset asset(int id) {
        if (id == 0) {
            return Chain.ETHEREUM.nativeAsset();
        }
        Asset cached = assets.get(id);
        if (cached != null) {
            return cached;
        }
        EthCodecs.Asset a = EthCodecs.Asset.decode(require(Column.ETH_ASSETS, EthKeys.id(id)));
        Asset asset = Asset.token(a.contract(), a.symbol(), a.decimals());
        assets.put(id, asset);
        return asset;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The stored checkpoint, whose codec version is that of the whole Ethereum layout.
     *
     * @throws StoreException with {@link ErrorCode#STORE} for a layout other than this build's
     */
    private static EthCodecs.Checkpoint checkpoint(byte[] v, String location) {
        int version = v.length == 0 ? -1 : v[0] & 0xff;
        if (version != EthCodecs.VERSION) {
            String advice = version > EthCodecs.VERSION
                    ? "it was written by a newer cordon; use that version or newer"
                    : "re-ingest Ethereum into a new store, or use the cordon version that wrote it";
            throw new StoreException(ErrorCode.STORE, "store at " + location + " holds Ethereum data of layout "
                    + version + "; this build reads Ethereum layout " + EthCodecs.VERSION + " only: " + advice);
        }
        return EthCodecs.Checkpoint.decode(v);
    }

    private static BlockRef ref(EthCodecs.Checkpoint c) {
        return new BlockRef(c.tipHeight(), c.tipHash());
    }

    private byte[] require(Column column, byte[] key) {
        return kv.get(column, key).orElseThrow(() -> new StoreException(ErrorCode.STORE, "store at " + location
                + " is damaged: " + column + " has no key " + Hex.encode(key)));
    }
}
