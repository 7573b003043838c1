package dev.cordon.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Transfer;
import dev.cordon.core.TxId;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.core.account.ContractCreation;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.store.StoreException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one Ethereum block into a batch: its transfers under fresh sequence numbers, one
 * history entry per party and transaction ({@link EthHistory}), the touched balances (read
 * once, summed in memory by {@link EthBlockBalances}, written once, the old bytes kept in the
 * undo record), new address and asset ids, creations, bridge deposits, the block record and the checkpoint. Used
 * once per block, then dropped.
 *
 * <p>Design notes. Address ids, asset ids and balance entries are looked up first in the
 * store's caches ({@link EthAddressIds}, the asset id map, {@link EthBalanceCache}) and only
 * then read from the store: when the id table holds every id, a miss is a new address without
 * any read; a party or asset first seen in this block has no balance entry to read. New address
 * and asset ids go straight into their caches, so the caller must empty both when the block is
 * not committed; {@link #remember} hands the balance entries to their cache once it is.
 */
final class EthBlockWriter {
    private final KeyValueStore kv;
    private final KeyValueStore.Batch batch;
    /** New ids of addresses whose text {@link EthAddressIds} does not read (never for canonical addresses). */
    private final Map<String, Integer> oddAddresses = new HashMap<>();
    private final Map<Asset, Integer> assetIds;
    private final EthBlockBalances balances = new EthBlockBalances();
    private final EthHistory history = new EthHistory();
    private final List<EthUndo.Prior> priors = new ArrayList<>();
    private byte[][] written;
    private EthCodecs.Balance[] after;
    private final EthAddressIds ids;
    private final EthBalanceCache cache;
    private final boolean idsHoldAll;
    private final int firstAddr;
    private final int firstAsset;
    private long nextSeq;
    private int nextAddr;
    private int nextAsset;

    /**
     * @param ids      address ids, committed and this block's; read and filled here
     * @param assetIds token asset ids, committed and this block's; read and filled here
     * @param cache    committed balance entries; read here, filled by {@link #remember}
     */
    EthBlockWriter(KeyValueStore kv, KeyValueStore.Batch batch, long nextSeq, int nextAddr, int nextAsset,
                   EthAddressIds ids, Map<Asset, Integer> assetIds, EthBalanceCache cache) {
        this.kv = kv;
        this.batch = batch;
        this.nextSeq = nextSeq;
        this.nextAddr = nextAddr;
        this.nextAsset = nextAsset;
        this.firstAddr = nextAddr;
        this.firstAsset = nextAsset;
        this.ids = ids;
        this.cache = cache;
        this.assetIds = assetIds;
        ids.trim();
        this.idsHoldAll = ids.holdsAll(nextAddr);
    }

    /** Puts the block's balance entries into the cache; call after the commit. */
    void remember() {
        for (int i = 0; i < balances.size(); i++) {
            cache.put(balances.key(i), written[i], after[i]);
        }
    }

    /** Writes the block and returns the checkpoint after it (also written). */
    EthCodecs.Checkpoint write(EthBlockFlows b, long firstHeight) {
        long firstSeq = nextSeq;
        List<Transfer> ts = b.transfers();
        int i = 0;
        while (i < ts.size()) {
            i = writeTx(ts, i);
        }
        List<ContractCreation> cs = b.creations();
        for (int k = 0; k < cs.size(); k++) {
            ContractCreation c = cs.get(k);
            byte[] key = EthKeys.creation(b.height(), c.txIndex(), k);
            batch.put(Column.ETH_CREATIONS, key, new EthCodecs.Creation(c.contract(), c.creator(), c.txId()).encode());
            batch.put(Column.ETH_CREATED_BY, EthKeys.id(addressId(c.contract())), java.util.Arrays.copyOfRange(key, 1, 17));
            addressId(c.creator());
        }
        for (BridgeDeposit d : b.deposits()) {
            batch.put(Column.ETH_BRIDGE_DEPOSITS, EthKeys.deposit(b.height(), d.txIndex(), d.logIndex()),
                    new EthCodecs.Deposit(d.txId(), d.router(), d.vault(), d.asset(), d.amount(), d.memo()).encode());
        }
        writeBalances();
        byte[] hash = b.hash().bytes();
        batch.put(Column.ETH_BLOCKS, EthKeys.height(b.height()), new EthCodecs.Block(b.hash(), b.parentHash(),
                b.timestamp().getEpochSecond(), b.miner(), b.txCount(), firstSeq, ts.size(), cs.size()).encode());
        batch.put(Column.ETH_BLOCK_BY_HASH, EthKeys.hash32(hash), FixedCodecs.long8(b.height()));
        batch.put(Column.ETH_UNDO, EthKeys.height(b.height()), new EthUndo(firstSeq, firstAddr, firstAsset, priors).encode());
        EthCodecs.Checkpoint cp = new EthCodecs.Checkpoint(firstHeight, b.height(), b.hash(), nextSeq, nextAddr, nextAsset);
        batch.put(Column.META, EthKeys.checkpoint(), cp.encode());
        return cp;
    }

    private void writeBalances() {
        int n = balances.size();
        written = new byte[n][];
        after = new EthCodecs.Balance[n];
        for (int i = 0; i < n; i++) {
            long k = balances.key(i);
            after[i] = balances.result(i);
            written[i] = after[i].encode();
            batch.put(Column.ETH_BALANCES, EthKeys.balance((int) (k >>> 32), (int) k), written[i]);
        }
    }

    /** Writes the transfers of the transaction starting at {@code from}; returns the index after them. */
    private int writeTx(List<Transfer> ts, int from) {
        Transfer first = ts.get(from);
        TxId tx = first.txId();
        long txFirstSeq = nextSeq;
        int i = from;
        for (; i < ts.size() && ts.get(i).txId().equals(tx); i++) {
            writeTransfer(ts.get(i), i - from);
        }
        history.flush(batch, txFirstSeq);
        byte[] key = EthKeys.hash32(tx.bytes());
        batch.put(Column.ETH_TX, key, new EthCodecs.Tx(first.blockHeight(), first.txIndex(), txFirstSeq, i - from).encode());
        return i;
    }

    private void writeTransfer(Transfer t, int offset) {
        long seq = nextSeq++;
        int from = addressId(t.from());
        int to = addressId(t.to());
        int asset = assetId(t.amount().asset());
        batch.put(Column.ETH_TRANSFERS, EthKeys.seq(seq), new EthCodecs.Transfer(t.blockHeight(), t.txIndex(),
                t.position(), t.kind(), from, to, asset, t.txId(), t.amount().units(), t.tokenId()).encode());
        history.add(from, offset, EthHistory.SENT);
        history.add(to, offset, EthHistory.RECEIVED);
        BigInteger units = t.amount().units();
        update(from, asset, units, false, t.blockHeight());
        update(to, asset, units, true, t.blockHeight());
    }

    private void update(int addressId, int assetId, BigInteger units, boolean in, long height) {
        long key = EthBalanceCache.key(addressId, assetId);
        int i = balances.find(key);
        if (i < 0) {
            i = balances.add(key, stored(key, addressId, assetId));
        }
        balances.plus(i, units, in, height);
    }

    /** The committed entry of (address, asset), recording it as the undo prior. */
    private EthCodecs.Balance stored(long key, int addressId, int assetId) {
        if (addressId >= firstAddr || assetId >= firstAsset) {
            priors.add(new EthUndo.Prior(addressId, assetId, null));
            return EthCodecs.Balance.EMPTY;
        }
        byte[] cached = cache.stored(key);
        if (cached != null) {
            priors.add(new EthUndo.Prior(addressId, assetId, cached));
            return cache.decoded(key);
        }
        Optional<byte[]> old = kv.get(Column.ETH_BALANCES, EthKeys.balance(addressId, assetId));
        priors.add(new EthUndo.Prior(addressId, assetId, old.orElse(null)));
        return old.map(EthCodecs.Balance::decode).orElse(EthCodecs.Balance.EMPTY);
    }

    private int addressId(Address a) {
        int known = ids.get(a.value());
        if (known != EthAddressIds.ABSENT) {
            return known;
        }
        Integer odd = oddAddresses.get(a.value());
        if (odd != null) {
            return odd;
        }
        byte[] a20 = EthCodecs.a20(a);
        if (!idsHoldAll) {
            Optional<byte[]> v = kv.get(Column.ETH_ADDRESS_ID, EthKeys.address(a20));
            if (v.isPresent()) {
                int id = FixedCodecs.int4(v.get(), Column.ETH_ADDRESS_ID);
                ids.put(a.value(), id);
                return id;
            }
        }
        int id = nextAddr++;
        if (id < 0) {
            throw new StoreException(ErrorCode.STORE, "Ethereum address ids are exhausted");
        }
        if (!ids.put(a.value(), id)) {
            oddAddresses.put(a.value(), id);
        }
        batch.put(Column.ETH_ADDRESS_ID, EthKeys.address(a20), FixedCodecs.int4(id));
        batch.put(Column.ETH_ADDRESS_BY_ID, EthKeys.id(id), a20);
        return id;
    }

    private int assetId(Asset asset) {
        if (asset.isNative()) {
            return 0;
        }
        Integer known = assetIds.get(asset);
        if (known != null) {
            return known;
        }
        byte[] key = EthKeys.asset(EthCodecs.a20(asset.contract().orElseThrow()), asset.symbol());
        Optional<byte[]> v = kv.get(Column.ETH_ASSET_ID, key);
        if (v.isPresent()) {
            int id = FixedCodecs.int4(v.get(), Column.ETH_ASSET_ID);
            assetIds.put(asset, id);
            return id;
        }
        int id = nextAsset++;
        assetIds.put(asset, id);
        batch.put(Column.ETH_ASSET_ID, key, FixedCodecs.int4(id));
        batch.put(Column.ETH_ASSETS, EthKeys.id(id),
                new EthCodecs.Asset(asset.decimals(), asset.contract().orElseThrow(), asset.symbol()).encode());
        return id;
    }
}
