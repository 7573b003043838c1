package dev.cordon.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Transfer;
import dev.cordon.core.TxId;
import dev.cordon.core.account.ContractCreation;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.store.StoreException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one Ethereum block into a batch: its transfers under fresh sequence numbers, each
 * party's history entry, the touched balances (read once, updated in memory, written once, the
 * old bytes kept in the undo record), new address and asset ids, creations, the block record
 * and the checkpoint. Used once per block, then dropped.
 *
 * <p>Design notes. Address ids and balance entries are looked up first in the store's caches of
 * committed values ({@link EthAddressIds}, {@link EthBalanceCache}), then among this block's
 * own new ids, and only then read from the store: when the id cache holds every id, a miss is a
 * new address without any read; a party or asset first seen in this block has no balance entry
 * to read. {@link #remember} hands what the block wrote to the caches once it is committed.
 */
final class EthBlockWriter {
    private final KeyValueStore kv;
    private final KeyValueStore.Batch batch;
    private final Map<String, Integer> newAddresses = new HashMap<>();
    private final Map<Asset, Integer> newAssets = new HashMap<>();
    private final Map<Long, EthCodecs.Balance> balances = new LinkedHashMap<>();
    private final List<EthUndo.Prior> priors = new ArrayList<>();
    private final List<byte[]> written = new ArrayList<>();
    private final EthAddressIds ids;
    private final EthBalanceCache cache;
    private final boolean idsHoldAll;
    private final int firstAddr;
    private final int firstAsset;
    private long nextSeq;
    private int nextAddr;
    private int nextAsset;

    /**
     * @param ids   committed address ids; read here, filled by {@link #remember}
     * @param cache committed balance entries; read here, filled by {@link #remember}
     */
    EthBlockWriter(KeyValueStore kv, KeyValueStore.Batch batch, long nextSeq, int nextAddr, int nextAsset,
                   EthAddressIds ids, EthBalanceCache cache) {
        this.kv = kv;
        this.batch = batch;
        this.nextSeq = nextSeq;
        this.nextAddr = nextAddr;
        this.nextAsset = nextAsset;
        this.firstAddr = nextAddr;
        this.firstAsset = nextAsset;
        this.ids = ids;
        this.cache = cache;
        this.idsHoldAll = ids.holdsAll(nextAddr);
    }

    /** Puts the block's new address ids and its balance entries into the caches; call after the commit. */
    void remember() {
        newAddresses.forEach(ids::put);
        int i = 0;
        for (Map.Entry<Long, EthCodecs.Balance> e : balances.entrySet()) {
            cache.put(e.getKey(), written.get(i++), e.getValue());
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
        balances.forEach((k, v) -> {
            byte[] bytes = v.encode();
            written.add(bytes);
            batch.put(Column.ETH_BALANCES, EthKeys.balance((int) (k >>> 32), (int) (long) k), bytes);
        });
        byte[] hash = b.hash().bytes();
        batch.put(Column.ETH_BLOCKS, EthKeys.height(b.height()), new EthCodecs.Block(b.hash(), b.parentHash(),
                b.timestamp().getEpochSecond(), b.miner(), b.txCount(), firstSeq, ts.size(), cs.size()).encode());
        batch.put(Column.ETH_BLOCK_BY_HASH, EthKeys.hash32(hash), FixedCodecs.long8(b.height()));
        batch.put(Column.ETH_UNDO, EthKeys.height(b.height()), new EthUndo(firstSeq, firstAddr, firstAsset, priors).encode());
        EthCodecs.Checkpoint cp = new EthCodecs.Checkpoint(firstHeight, b.height(), b.hash(), nextSeq, nextAddr, nextAsset);
        batch.put(Column.META, EthKeys.checkpoint(), cp.encode());
        return cp;
    }

    /** Writes the transfers of the transaction starting at {@code from}; returns the index after them. */
    private int writeTx(List<Transfer> ts, int from) {
        Transfer first = ts.get(from);
        TxId tx = first.txId();
        long txFirstSeq = nextSeq;
        int i = from;
        for (; i < ts.size() && ts.get(i).txId().equals(tx); i++) {
            writeTransfer(ts.get(i));
        }
        byte[] key = EthKeys.hash32(tx.bytes());
        batch.put(Column.ETH_TX, key, new EthCodecs.Tx(first.blockHeight(), first.txIndex(), txFirstSeq, i - from).encode());
        return i;
    }

    private void writeTransfer(Transfer t) {
        long seq = nextSeq++;
        int from = addressId(t.from());
        int to = addressId(t.to());
        int asset = assetId(t.amount().asset());
        batch.put(Column.ETH_TRANSFERS, EthKeys.seq(seq), new EthCodecs.Transfer(t.blockHeight(), t.txIndex(),
                t.position(), t.kind(), from, to, asset, t.txId(), t.amount().units(), t.tokenId()).encode());
        if (from == to) {
            batch.put(Column.ETH_ADDRESS_HISTORY, EthKeys.history(from, seq), new byte[] {3});
        } else {
            batch.put(Column.ETH_ADDRESS_HISTORY, EthKeys.history(from, seq), new byte[] {1});
            batch.put(Column.ETH_ADDRESS_HISTORY, EthKeys.history(to, seq), new byte[] {2});
        }
        BigInteger units = t.amount().units();
        update(from, asset, units, false, t.blockHeight());
        update(to, asset, units, true, t.blockHeight());
    }

    private void update(int addressId, int assetId, BigInteger units, boolean in, long height) {
        long key = EthBalanceCache.key(addressId, assetId);
        EthCodecs.Balance b = balances.get(key);
        if (b == null) {
            b = stored(key, addressId, assetId);
        }
        balances.put(key, b.plus(units, in, height));
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
        Integer fresh = newAddresses.get(a.value());
        if (fresh != null) {
            return fresh;
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
        newAddresses.put(a.value(), id);
        batch.put(Column.ETH_ADDRESS_ID, EthKeys.address(a20), FixedCodecs.int4(id));
        batch.put(Column.ETH_ADDRESS_BY_ID, EthKeys.id(id), a20);
        return id;
    }

    private int assetId(Asset asset) {
        if (asset.isNative()) {
            return 0;
        }
        Integer fresh = newAssets.get(asset);
        if (fresh != null) {
            return fresh;
        }
        byte[] key = EthKeys.asset(EthCodecs.a20(asset.contract().orElseThrow()), asset.symbol());
        Optional<byte[]> v = kv.get(Column.ETH_ASSET_ID, key);
        if (v.isPresent()) {
            return FixedCodecs.int4(v.get(), Column.ETH_ASSET_ID);
        }
        int id = nextAsset++;
        newAssets.put(asset, id);
        batch.put(Column.ETH_ASSET_ID, key, FixedCodecs.int4(id));
        batch.put(Column.ETH_ASSETS, EthKeys.id(id),
                new EthCodecs.Asset(asset.decimals(), asset.contract().orElseThrow(), asset.symbol()).encode());
        return id;
    }
}
