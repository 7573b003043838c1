package dev.cordon.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Chain;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import dev.cordon.store.BlockInfo;
import dev.cordon.store.StoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

/**
 * Applies one block as one atomic batch.
 *
 * <p>Design notes. A block is first resolved against an overlay ({@link Pending}) holding
 * what the block itself creates and spends: outputs created earlier in the same block, new
 * address ids, the summaries it touches. Reads fall through the overlay to the writer's caches,
 * then to the key-value store. Only after the batch is committed are the overlay's results
 * moved into the caches and the in-memory tip, so a block that fails half way (an unknown
 * output) leaves the caches, the tip and the disk as they were. The caches hold committed
 * state only: recently created unspent outputs (most spends are of young outputs), address
 * ids and address summaries of recently active addresses.
 */
final class BlockApplier {
    private static final int NATIVE_ASSET = 0;

    private final KeyValueStore kv;
    private final ConcurrentMap<Chain, CheckpointCodec> tips;
    private final LruCache<OutKey, Utxo> utxoCache;
    private final LruCache<Address, Integer> addressCache;
    private final LruCache<Long, SummaryCodec> summaryCache;

    BlockApplier(KeyValueStore kv, ConcurrentMap<Chain, CheckpointCodec> tips, CacheSizes sizes) {
        this.kv = kv;
        this.tips = tips;
        this.utxoCache = new LruCache<>(sizes.utxos());
        this.addressCache = new LruCache<>(sizes.addresses());
        this.summaryCache = new LruCache<>(sizes.summaries());
    }

    BlockInfo apply(UtxoBlock block) {
        Chain chain = block.chain();
        CheckpointCodec tip = tips.get(chain);
        checkExtendsTip(block, tip);
        int height = tip == null ? 0 : Math.toIntExact(tip.tipHeight() + 1);
        long firstTxNum = tip == null ? 0 : tip.nextTxNum();
        Pending p = new Pending(chain, height, tip == null ? 0 : tip.nextAddrId());
        long fees = 0;
        long totalOut = 0;
        try (KeyValueStore.Batch batch = kv.newBatch()) {
            p.batch = batch;
            for (int i = 0; i < block.txs().size(); i++) {
                UtxoTx tx = block.txs().get(i);
                long[] feeAndOut = applyTx(block, tx, firstTxNum + i, i, p);
                fees += feeAndOut[0];
                totalOut += feeAndOut[1];
            }
            for (Map.Entry<OutKey, Utxo> e : p.created.entrySet()) {
                Utxo u = e.getValue();
                batch.put(Column.UTXO, Keys.utxo(chain, e.getKey().txid(), e.getKey().vout()),
                        FixedCodecs.utxo(u.txNum(), u.addressId(), u.value()));
            }
            for (Map.Entry<Integer, SummaryCodec> e : p.summaries.entrySet()) {
                batch.put(Column.ADDRESS_SUMMARY, Keys.summary(chain, e.getKey(), NATIVE_ASSET), e.getValue().encode());
            }
            BlockCodec rec = new BlockCodec(block.hash(), block.parent(), block.time().getEpochSecond(), block.size(),
                    block.txs().size(), firstTxNum, fees, totalOut);
            batch.put(Column.BLOCKS_BY_HEIGHT, Keys.height(chain, height), rec.encode());
            batch.put(Column.BLOCK_HEIGHT_BY_HASH, Keys.hash(chain, block.hash()), FixedCodecs.int4(height));
            CheckpointCodec next = new CheckpointCodec(height, block.hash(), firstTxNum + block.txs().size(), p.nextAddrId);
            batch.put(Column.META, Keys.checkpoint(chain), next.encode());
            kv.commit(batch);
            publish(chain, p, next);
            return new BlockInfo(chain, height, block.hash(), block.parent(), Instant.ofEpochSecond(rec.timeSeconds()),
                    rec.txCount(), rec.size(), Amount.of(chain.nativeAsset(), fees),
                    Amount.of(chain.nativeAsset(), totalOut), firstTxNum);
        }
    }

    private static void checkExtendsTip(UtxoBlock block, CheckpointCodec tip) {
        if (tip == null && !block.parent().isZero()) {
            throw new StoreException(ErrorCode.USAGE, "block " + block.hash() + " does not extend the tip: the store has no "
                    + block.chain().code() + " blocks and its parent " + block.parent() + " is not zero");
        }
        if (tip != null && !block.parent().equals(tip.tipHash())) {
            throw new StoreException(ErrorCode.USAGE, "block " + block.hash() + " with parent " + block.parent()
                    + " does not extend the tip " + tip.tipHash() + " at height " + tip.tipHeight());
        }
    }

    /** Returns {fee, sum of outputs}. */
    private long[] applyTx(UtxoBlock block, UtxoTx tx, long txNum, int index, Pending p) {
        Chain chain = p.chain;
        int nIn = tx.inputs().size();
        int nOut = tx.outputs().size();
        byte[] rec = TxCodec.header(tx.txid(), p.height, index, tx.coinbase(), tx.size(), tx.vsize(), nIn, nOut);
        Map<Integer, long[]> flows = new LinkedHashMap<>();
        long in = 0;
        for (int j = 0; j < nIn; j++) {
            OutPoint op = tx.inputs().get(j);
            OutKey key = new OutKey(chain, op.txid(), op.index());
            Utxo u = p.created.remove(key);
            if (u == null) {
                u = p.spent.add(key) ? lookupUtxo(key) : null;
                if (u == null) {
                    throw new StoreException(ErrorCode.DATA, "block " + block.hash() + " tx " + tx.txid() + " input " + j
                            + " spends unknown output " + op);
                }
                p.batch.delete(Column.UTXO, Keys.utxo(chain, op.txid(), op.index()));
            }
            p.batch.put(Column.SPENDS, Keys.output(chain, u.txNum(), op.index()), FixedCodecs.spends(txNum, j));
            TxCodec.putInput(rec, j, u.txNum(), op.index(), u.addressId(), u.value());
            in = Math.addExact(in, u.value());
            if (u.addressId() >= 0) {
                flows.computeIfAbsent(u.addressId(), a -> new long[2])[1] += u.value();
            }
        }
        long out = 0;
        for (int k = 0; k < nOut; k++) {
            TxOut o = tx.outputs().get(k);
            int addr = o.address().isPresent() ? p.addressId(o.address().get()) : -1;
            TxCodec.putOutput(rec, nIn, k, addr, o.value(), o.kind());
            out = Math.addExact(out, o.value());
            if (o.kind() != ScriptKind.OP_RETURN) {
                p.created.put(new OutKey(chain, tx.txid(), k), new Utxo(txNum, addr, o.value()));
            }
            if (!o.dataHex().isEmpty()) {
                p.batch.put(Column.OUTPUT_DATA, Keys.output(chain, txNum, k), data(block, tx, k, o.dataHex()));
            }
            if (addr >= 0) {
                flows.computeIfAbsent(addr, a -> new long[2])[0] += o.value();
            }
        }
        long fee = tx.coinbase() ? 0 : in - out;
        if (fee < 0) {
            throw new StoreException(ErrorCode.DATA, "block " + block.hash() + " tx " + tx.txid() + " pays out " + out
                    + " but its inputs hold only " + in);
        }
        TxCodec.putFee(rec, fee);
        p.batch.put(Column.TX_RECORD, Keys.txNum(chain, txNum), rec);
        p.batch.put(Column.TX_ID_BY_HASH, Keys.hash(chain, tx.txid()), FixedCodecs.long8(txNum));
        for (Map.Entry<Integer, long[]> f : flows.entrySet()) {
            long received = f.getValue()[0];
            long sent = f.getValue()[1];
            p.batch.put(Column.ADDRESS_HISTORY, Keys.history(chain, f.getKey(), txNum),
                    FixedCodecs.history(p.height, received, sent));
            SummaryCodec s = p.summary(f.getKey());
            if (s.txCount == 0) {
                s.firstHeight = p.height;
            }
            s.received += received;
            s.sent += sent;
            s.balance += received - sent;
            s.txCount++;
            s.lastHeight = p.height;
        }
        return new long[] {fee, out};
    }

    private static byte[] data(UtxoBlock block, UtxoTx tx, int vout, String hex) {
        try {
            return Hex.decode(hex, "output data");
        } catch (DecodeException e) {
            throw new StoreException(ErrorCode.DATA, "block " + block.hash() + " tx " + tx.txid() + " output " + vout
                    + ": " + e.getMessage(), e);
        }
    }

    private Utxo lookupUtxo(OutKey key) {
        Utxo u = utxoCache.get(key);
        if (u != null) {
            return u;
        }
        Optional<byte[]> v = kv.get(Column.UTXO, Keys.utxo(key.chain(), key.txid(), key.vout()));
        if (v.isEmpty()) {
            return null;
        }
        byte[] b = v.get();
        Codec.checkLength(b, Column.UTXO, FixedCodecs.UTXO_LENGTH);
        return new Utxo(Bytes.getLong(b, 0), Bytes.getInt(b, 8), Bytes.getLong(b, 12));
    }

    /** Moves a committed block's results into the caches and the tip. */
    private void publish(Chain chain, Pending p, CheckpointCodec next) {
        for (OutKey k : p.spent) {
            utxoCache.remove(k);
        }
        utxoCache.putAll(p.created);
        addressCache.putAll(p.newAddresses);
        for (Map.Entry<Integer, SummaryCodec> e : p.summaries.entrySet()) {
            summaryCache.put(summaryKey(chain, e.getKey()), e.getValue());
        }
        tips.put(chain, next);
    }

    private static Long summaryKey(Chain chain, int addressId) {
        return ((long) chain.id() << 32) | (addressId & 0xffffffffL);
    }

    /** What the block being applied has created, spent and touched so far. */
    private final class Pending {
        final Chain chain;
        final int height;
        int nextAddrId;
        KeyValueStore.Batch batch;
        final Map<OutKey, Utxo> created = new HashMap<>();
        final Set<OutKey> spent = new HashSet<>();
        final Map<Address, Integer> newAddresses = new HashMap<>();
        final Map<Integer, SummaryCodec> summaries = new HashMap<>();

        Pending(Chain chain, int height, int nextAddrId) {
            this.chain = chain;
            this.height = height;
            this.nextAddrId = nextAddrId;
        }

        int addressId(Address a) {
            Integer id = newAddresses.get(a);
            if (id == null) {
                id = addressCache.get(a);
            }
            if (id == null) {
                Optional<byte[]> v = kv.get(Column.ADDRESS_ID_BY_TEXT, Keys.addressText(a));
                if (v.isPresent()) {
                    id = FixedCodecs.int4(v.get(), Column.ADDRESS_ID_BY_TEXT);
                    addressCache.put(a, id);
                }
            }
            if (id == null) {
                if (nextAddrId == Integer.MAX_VALUE) {
                    throw new StoreException(ErrorCode.STORE, "address ids of " + chain.code() + " are exhausted");
                }
                id = nextAddrId++;
                newAddresses.put(a, id);
                batch.put(Column.ADDRESS_ID_BY_TEXT, Keys.addressText(a), FixedCodecs.int4(id));
                batch.put(Column.ADDRESS_TEXT_BY_ID, Keys.addressId(chain, id), Keys.addressText(a));
            }
            return id;
        }

        SummaryCodec summary(int addressId) {
            SummaryCodec s = summaries.get(addressId);
            if (s == null) {
                SummaryCodec cached = summaryCache.get(summaryKey(chain, addressId));
                if (cached != null) {
                    s = cached.copy();
                } else {
                    s = kv.get(Column.ADDRESS_SUMMARY, Keys.summary(chain, addressId, NATIVE_ASSET))
                            .map(SummaryCodec::decode).orElseGet(SummaryCodec::new);
                }
                summaries.put(addressId, s);
            }
            return s;
        }
    }

    private record OutKey(Chain chain, TxId txid, int vout) {
    }

    private record Utxo(long txNum, int addressId, long value) {
    }
}
