package dev.cordon.store.internal;

import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.store.StoreException;

/**
 * Removes the blocks above a height in one batch. Blocks are undone newest first, so when
 * several of them touched one balance the oldest block's prior value is the last write and
 * wins. A block's creations and bridge deposits are found by their height prefix. Transfers, history entries (keyed by their transaction's first transfer) and
 * transaction records are found by scanning the transfers from the lowest removed block's first sequence number; new address and asset ids
 * from the counters in its undo record.
 */
final class EthRollback {
    private final KeyValueStore kv;
    private final String location;

    EthRollback(KeyValueStore kv, String location) {
        this.kv = kv;
        this.location = location;
    }

    /**
     * Writes the removal of blocks {@code target+1 .. cp.tipHeight} into {@code batch}.
     *
     * @return the checkpoint afterwards, or {@code null} when no block remains
     */
    EthCodecs.Checkpoint write(KeyValueStore.Batch batch, EthCodecs.Checkpoint cp, long target) {
        EthUndo lowest = null;
        for (long h = cp.tipHeight(); h > target; h--) {
            lowest = undoBlock(batch, h);
        }
        long[] txFirstSeq = {-1};
        TxId[] tx = {null};
        kv.scanFrom(Column.ETH_TRANSFERS, EthKeys.chain(), EthKeys.seq(lowest.firstSeq()), (k, v) -> {
            EthCodecs.Transfer t = EthCodecs.Transfer.decode(v);
            long seq = Bytes.getLong(k, 1);
            if (!t.txId().equals(tx[0])) {
                tx[0] = t.txId();
                txFirstSeq[0] = seq;
                batch.delete(Column.ETH_TX, EthKeys.hash32(t.txId().bytes()));
            }
            batch.delete(Column.ETH_TRANSFERS, k.clone());
            batch.delete(Column.ETH_ADDRESS_HISTORY, EthKeys.history(t.fromId(), txFirstSeq[0]));
            batch.delete(Column.ETH_ADDRESS_HISTORY, EthKeys.history(t.toId(), txFirstSeq[0]));
            return true;
        });
        for (int id = lowest.firstAddrId(); id < cp.nextAddrId(); id++) {
            byte[] a20 = require(Column.ETH_ADDRESS_BY_ID, EthKeys.id(id));
            batch.delete(Column.ETH_ADDRESS_BY_ID, EthKeys.id(id));
            batch.delete(Column.ETH_ADDRESS_ID, EthKeys.address(a20));
        }
        for (int id = lowest.firstAssetId(); id < cp.nextAssetId(); id++) {
            EthCodecs.Asset a = EthCodecs.Asset.decode(require(Column.ETH_ASSETS, EthKeys.id(id)));
            batch.delete(Column.ETH_ASSETS, EthKeys.id(id));
            batch.delete(Column.ETH_ASSET_ID, EthKeys.asset(EthCodecs.a20(a.contract()), a.symbol()));
        }
        if (target < cp.firstHeight()) {
            batch.delete(Column.META, EthKeys.checkpoint());
            return null;
        }
        EthCodecs.Block b = EthCodecs.Block.decode(require(Column.ETH_BLOCKS, EthKeys.height(target)));
        EthCodecs.Checkpoint after = new EthCodecs.Checkpoint(cp.firstHeight(), target, b.hash(), lowest.firstSeq(),
                lowest.firstAddrId(), lowest.firstAssetId());
        batch.put(Column.META, EthKeys.checkpoint(), after.encode());
        return after;
    }

    private EthUndo undoBlock(KeyValueStore.Batch batch, long h) {
        byte[] key = EthKeys.height(h);
        EthUndo undo = EthUndo.decode(require(Column.ETH_UNDO, key));
        for (EthUndo.Prior p : undo.priors()) {
            byte[] bk = EthKeys.balance(p.addressId(), p.assetId());
            if (p.value() == null) {
                batch.delete(Column.ETH_BALANCES, bk);
            } else {
                batch.put(Column.ETH_BALANCES, bk, p.value());
            }
        }
        EthCodecs.Block b = EthCodecs.Block.decode(require(Column.ETH_BLOCKS, key));
        kv.scan(Column.ETH_CREATIONS, key, false, (k, v) -> {
            EthCodecs.Creation c = EthCodecs.Creation.decode(v);
            batch.delete(Column.ETH_CREATIONS, k.clone());
            kv.get(Column.ETH_ADDRESS_ID, EthKeys.address(EthCodecs.a20(c.contract())))
                    .ifPresent(id -> batch.delete(Column.ETH_CREATED_BY, EthKeys.id(FixedCodecs.int4(id, Column.ETH_ADDRESS_ID))));
            return true;
        });
        kv.scan(Column.ETH_BRIDGE_DEPOSITS, key, false, (k, v) -> {
            batch.delete(Column.ETH_BRIDGE_DEPOSITS, k.clone());
            return true;
        });
        batch.delete(Column.ETH_BLOCKS, key);
        batch.delete(Column.ETH_BLOCK_BY_HASH, EthKeys.hash32(b.hash().bytes()));
        batch.delete(Column.ETH_UNDO, key);
        return undo;
    }

    private byte[] require(Column column, byte[] key) {
        return kv.get(column, key).orElseThrow(() -> new StoreException(ErrorCode.STORE, "store at " + location
                + " is damaged: " + column + " has no key " + dev.cordon.core.Hex.encode(key)));
    }
}
