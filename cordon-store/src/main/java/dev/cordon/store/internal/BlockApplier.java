package dev.cordon.store.internal;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

/**
 * Applies blocks, committing several consecutive ones in one batch.
 *
 * <p>Design notes. Ingest cost is dominated by the key-value writes, so the layout and this class
 * aim at few entries per transaction (see {@link Column}) and few batches:
 * <ul>
 *   <li>Group commit. Blocks are written into one open batch, the group, with the checkpoint of
 *   the group's last block; {@link WriteGrouping} says when it is committed. Each block is still
 *   all or nothing: a kill loses whole trailing blocks, which a rerun ingests again. An address
 *   summary is written once per group however many of its blocks touch it.
 *   <li>Validate, then merge. A block is resolved against its own overlay ({@link BlockWork}):
 *   outputs it creates and spends, its new address ids, copies of the summaries it touches. Its
 *   writes go to the group's batch after a save point. When an input spends an unknown output the
 *   batch is rolled back to the save point, the group so far is committed (every earlier block is
 *   kept) and the error is thrown; only a block that resolved fully is merged into the group and
 *   the caches.
 *   <li>No UTXO column. An output is unspent when its transaction's record has it and SPENDS has
 *   no entry for it; the value and address are in the record. That saves a put and a delete per
 *   output, and an output created and spent within the cache's reach never touches disk as a
 *   UTXO at all. The {@link OutputCache} holds young unspent outputs (most inputs spend outputs
 *   a few blocks old); a miss costs three reads (txid index, record, SPENDS).
 *   <li>What is not yet committed is found in memory first: outputs of uncommitted blocks are in
 *   the output cache, which only ages out entries at a commit; spends of uncommitted blocks are
 *   in the group's spent set, checked before disk; new addresses and summaries sit in the group
 *   until it is committed and only then move to their caches.
 * </ul>
 * Single-threaded: the store calls it under its writer lock.
 */
final class BlockApplier {
    private static final int NATIVE_ASSET = 0;

    private final KeyValueStore kv;
    private final ConcurrentMap<Chain, CheckpointCodec> tips;
    private final WriteGrouping grouping;
    private final OutputCache outputs;
    private final LruCache<Address, Integer> addressCache;
    private final LruCache<Long, SummaryCodec> summaryCache;
    private final BlockWork work = new BlockWork();
    private volatile Group group;

    /**
     * @param tips the tips the store reports; this class advances them as blocks are applied,
     *             before they are committed
     */
    BlockApplier(KeyValueStore kv, ConcurrentMap<Chain, CheckpointCodec> tips, CacheSizes sizes, WriteGrouping grouping) {
        this.kv = kv;
        this.tips = tips;
        this.grouping = grouping;
        this.outputs = new OutputCache(sizes.utxos());
        this.addressCache = new LruCache<>(sizes.addresses());
        this.summaryCache = new LruCache<>(sizes.summaries());
    }

    /** Whether applied blocks wait to be committed. */
    boolean hasPending() {
        return group != null;
    }

    /** Whether the block is applied but not yet committed. */
    boolean isPending(BlockHash hash) {
        Group g = group;
        return g != null && g.blocks.contains(hash);
    }

    BlockInfo apply(UtxoBlock block) {
        Chain chain = block.chain();
        if (group != null && group.chain != chain) {
            commit();
        }
        CheckpointCodec tip = tips.get(chain);
        checkExtendsTip(block, tip);
        int height = tip == null ? 0 : Math.toIntExact(tip.tipHeight() + 1);
        long firstTxNum = tip == null ? 0 : tip.nextTxNum();
        if (group == null) {
            group = new Group(chain, kv.newBatch(), grouping.clock().millis());
        }
        Group g = group;
        BlockWork w = work;
        w.reset(g, height, tip == null ? 0 : tip.nextAddrId());
        g.batch.setSavePoint();
        try {
            for (int i = 0; i < block.txs().size(); i++) {
                applyTx(block, block.txs().get(i), firstTxNum + i, i, w);
            }
        } catch (RuntimeException e) {
            g.batch.rollbackToSavePoint();
            try {
                commit();
            } catch (RuntimeException commitFailure) {
                e.addSuppressed(commitFailure);
            }
            throw e;
        }
        BlockCodec rec = new BlockCodec(block.hash(), block.parent(), block.time().getEpochSecond(), block.size(),
                block.txs().size(), firstTxNum, w.fees, w.totalOut);
        g.batch.put(Column.BLOCKS_BY_HEIGHT, Keys.height(chain, height), rec.encode());
        g.batch.put(Column.BLOCK_HEIGHT_BY_HASH, Keys.hash(chain, block.hash()), FixedCodecs.int4(height));
        CheckpointCodec next = new CheckpointCodec(height, block.hash(), firstTxNum + block.txs().size(), w.nextAddrId);
        merge(w, g);
        g.tip = next;
        g.txs += block.txs().size();
        g.blocks.add(block.hash());
        tips.put(chain, next);
        if (g.txs >= grouping.maxTxs() || grouping.clock().millis() - g.startMillis >= grouping.maxMillis()) {
            commit();
        }
        return new BlockInfo(chain, height, block.hash(), block.parent(), Instant.ofEpochSecond(rec.timeSeconds()),
                rec.txCount(), rec.size(), Amount.of(chain.nativeAsset(), w.fees),
                Amount.of(chain.nativeAsset(), w.totalOut), firstTxNum);
    }

    /**
     * Commits the applied blocks, if any, with their summaries and checkpoint. When the commit
     * fails the uncommitted blocks are dropped: tips and caches are reloaded from disk.
     */
    void commit() {
        Group g = group;
        if (g == null) {
            return;
        }
        group = null;
        try (KeyValueStore.Batch b = g.batch) {
            if (g.tip == null) {
                return;
            }
            for (Map.Entry<Integer, SummaryCodec> e : g.summaries.entrySet()) {
                b.put(Column.ADDRESS_SUMMARY, Keys.summary(g.chain, e.getKey(), NATIVE_ASSET), e.getValue().encode());
            }
            b.put(Column.META, Keys.checkpoint(g.chain), g.tip.encode());
            kv.commit(b);
        } catch (RuntimeException e) {
            resetToDisk();
            throw e;
        }
        for (Map.Entry<Integer, SummaryCodec> e : g.summaries.entrySet()) {
            summaryCache.put(summaryKey(g.chain, e.getKey()), e.getValue());
        }
        addressCache.putAll(g.newAddresses);
        outputs.age();
    }

    private void resetToDisk() {
        outputs.clear();
        addressCache.clear();
        summaryCache.clear();
        tips.clear();
        for (Chain c : Chain.values()) {
            kv.get(Column.META, Keys.checkpoint(c)).ifPresent(v -> tips.put(c, CheckpointCodec.decode(v)));
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

    private void applyTx(UtxoBlock block, UtxoTx tx, long txNum, int index, BlockWork w) {
        Chain chain = w.group.chain;
        KeyValueStore.Batch batch = w.group.batch;
        int nIn = tx.inputs().size();
        int nOut = tx.outputs().size();
        byte[] rec = TxCodec.header(tx.txid(), w.height, index, tx.coinbase(), tx.size(), tx.vsize(), nIn, nOut);
        w.flowCount = 0;
        long in = 0;
        for (int j = 0; j < nIn; j++) {
            OutPoint op = tx.inputs().get(j);
            op.txid().copyTo(w.spentTxid, 0);
            if (!resolve(w, w.spentTxid, op.index())) {
                throw new StoreException(ErrorCode.DATA, "block " + block.hash() + " tx " + tx.txid() + " input " + j
                        + " spends unknown output " + op);
            }
            batch.put(Column.SPENDS, Keys.output(chain, w.foundTxNum, op.index()), FixedCodecs.spends(txNum, j));
            TxCodec.putInput(rec, j, w.foundTxNum, op.index(), w.foundAddr, w.foundValue);
            in = Math.addExact(in, w.foundValue);
            if (w.foundAddr >= 0) {
                w.flow(w.foundAddr, 0, w.foundValue);
            }
        }
        tx.txid().copyTo(w.ownTxid, 0);
        long out = 0;
        for (int k = 0; k < nOut; k++) {
            TxOut o = tx.outputs().get(k);
            int addr = o.address().isPresent() ? addressId(w, o.address().get()) : -1;
            TxCodec.putOutput(rec, nIn, k, addr, o.value(), o.kind());
            out = Math.addExact(out, o.value());
            if (o.kind() != ScriptKind.OP_RETURN) {
                w.created.put(w.ownTxid, k, txNum, addr, o.value());
            }
            if (!o.dataHex().isEmpty()) {
                batch.put(Column.OUTPUT_DATA, Keys.output(chain, txNum, k), data(block, tx, k, o.dataHex()));
            }
            if (addr >= 0) {
                w.flow(addr, o.value(), 0);
            }
        }
        long fee = tx.coinbase() ? 0 : in - out;
        if (fee < 0) {
            throw new StoreException(ErrorCode.DATA, "block " + block.hash() + " tx " + tx.txid() + " pays out " + out
                    + " but its inputs hold only " + in);
        }
        TxCodec.putFee(rec, fee);
        batch.put(Column.TX_RECORD, Keys.txNum(chain, txNum), rec);
        batch.put(Column.TX_ID_BY_HASH, Keys.hash(chain, tx.txid()), FixedCodecs.long8(txNum));
        for (int f = 0; f < w.flowCount; f++) {
            int addr = w.flowAddr[f];
            long received = w.flowReceived[f];
            long sent = w.flowSent[f];
            batch.put(Column.ADDRESS_HISTORY, Keys.history(chain, addr, txNum), FixedCodecs.history(w.height, received, sent));
            SummaryCodec s = summary(w, addr);
            if (s.txCount == 0) {
                s.firstHeight = w.height;
            }
            s.received += received;
            s.sent += sent;
            s.balance += received - sent;
            s.txCount++;
            s.lastHeight = w.height;
        }
        w.fees += fee;
        w.totalOut += out;
    }

    /**
     * Finds the unspent output into {@code w.found*}, marking it spent by this block: outputs of
     * this block, then the cache (which holds every uncommitted output), then disk unless the
     * group has spent it.
     */
    private boolean resolve(BlockWork w, byte[] txid, int vout) {
        if (w.created.remove(txid, vout)) {
            w.found(w.created.foundTxNum, w.created.foundAddr, w.created.foundValue);
            return true;
        }
        if (w.spent.contains(txid, vout)) {
            return false;
        }
        boolean ok;
        if (outputs.get(txid, vout)) {
            w.found(outputs.foundTxNum, outputs.foundAddr, outputs.foundValue);
            ok = true;
        } else {
            ok = !w.group.spent.contains(txid, vout) && fromDisk(w, txid, vout);
        }
        if (ok) {
            w.spent.put(txid, vout, 0, 0, 0);
        }
        return ok;
    }

    private boolean fromDisk(BlockWork w, byte[] txid, int vout) {
        Chain chain = w.group.chain;
        Optional<byte[]> num = kv.get(Column.TX_ID_BY_HASH, Keys.hash(chain, txid));
        if (num.isEmpty()) {
            return false;
        }
        long txNum = FixedCodecs.long8(num.get(), Column.TX_ID_BY_HASH);
        byte[] rec = kv.get(Column.TX_RECORD, Keys.txNum(chain, txNum)).orElseThrow(() -> new StoreException(ErrorCode.STORE,
                "store is damaged: " + Column.TX_RECORD + " has no txNum " + txNum));
        TxCodec.View v = new TxCodec.View(txNum, rec);
        if (vout >= v.outputCount() || v.outputKind(vout) == ScriptKind.OP_RETURN
                || kv.get(Column.SPENDS, Keys.output(chain, txNum, vout)).isPresent()) {
            return false;
        }
        w.found(txNum, v.outputAddressId(vout), v.outputValue(vout));
        return true;
    }

    private static byte[] data(UtxoBlock block, UtxoTx tx, int vout, String hex) {
        try {
            return Hex.decode(hex, "output data");
        } catch (DecodeException e) {
            throw new StoreException(ErrorCode.DATA, "block " + block.hash() + " tx " + tx.txid() + " output " + vout
                    + ": " + e.getMessage(), e);
        }
    }

    private int addressId(BlockWork w, Address a) {
        Integer id = w.newAddresses.get(a);
        if (id == null) {
            id = w.group.newAddresses.get(a);
        }
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
            if (w.nextAddrId == Integer.MAX_VALUE) {
                throw new StoreException(ErrorCode.STORE, "address ids of " + a.chain().code() + " are exhausted");
            }
            id = w.nextAddrId++;
            w.newAddresses.put(a, id);
            w.summaries.put(id, new SummaryCodec(a.value()));
            w.group.batch.put(Column.ADDRESS_ID_BY_TEXT, Keys.addressText(a), FixedCodecs.int4(id));
        }
        return id;
    }

    private SummaryCodec summary(BlockWork w, int addressId) {
        SummaryCodec s = w.summaries.get(addressId);
        if (s != null) {
            return s;
        }
        Chain chain = w.group.chain;
        SummaryCodec known = w.group.summaries.get(addressId);
        if (known == null) {
            known = summaryCache.get(summaryKey(chain, addressId));
        }
        if (known != null) {
            s = known.copy();
        } else {
            s = SummaryCodec.decode(kv.get(Column.ADDRESS_SUMMARY, Keys.summary(chain, addressId, NATIVE_ASSET))
                    .orElseThrow(() -> new StoreException(ErrorCode.STORE, "store is damaged: "
                            + Column.ADDRESS_SUMMARY + " has no address id " + addressId)));
        }
        w.summaries.put(addressId, s);
        return s;
    }

    /** Moves a resolved block's results into the group and the output cache. */
    private void merge(BlockWork w, Group g) {
        w.spent.forEach((txid, vout, txNum, addr, value) -> {
            outputs.remove(txid, vout);
            g.spent.put(txid, vout, 0, 0, 0);
        });
        w.created.forEach(outputs::put);
        g.newAddresses.putAll(w.newAddresses);
        g.summaries.putAll(w.summaries);
    }

    private static Long summaryKey(Chain chain, int addressId) {
        return ((long) chain.id() << 32) | (addressId & 0xffffffffL);
    }

    /** Blocks applied but not yet committed: one open batch and what it changes. */
    private static final class Group {
        final Chain chain;
        final KeyValueStore.Batch batch;
        final long startMillis;
        final Set<BlockHash> blocks = new HashSet<>();
        /** Outputs spent by the group's blocks (their SPENDS entries are not on disk yet). */
        final OutputMap spent = new OutputMap(1 << 12);
        final Map<Address, Integer> newAddresses = new HashMap<>();
        final Map<Integer, SummaryCodec> summaries = new HashMap<>();
        CheckpointCodec tip;
        long txs;

        Group(Chain chain, KeyValueStore.Batch batch, long startMillis) {
            this.chain = chain;
            this.batch = batch;
            this.startMillis = startMillis;
        }
    }

    /** What the block being applied has created, spent and touched so far; reused per block. */
    private static final class BlockWork {
        final OutputMap created = new OutputMap(1 << 12);
        final OutputMap spent = new OutputMap(1 << 12);
        final Map<Address, Integer> newAddresses = new HashMap<>();
        final Map<Integer, SummaryCodec> summaries = new HashMap<>();
        final byte[] spentTxid = new byte[32];
        final byte[] ownTxid = new byte[32];
        Group group;
        int height;
        int nextAddrId;
        long fees;
        long totalOut;
        long foundTxNum;
        int foundAddr;
        long foundValue;
        /** Per-transaction address flows, in first-seen order. */
        int[] flowAddr = new int[16];
        long[] flowReceived = new long[16];
        long[] flowSent = new long[16];
        int flowCount;

        void reset(Group g, int blockHeight, int firstAddrId) {
            group = g;
            height = blockHeight;
            nextAddrId = firstAddrId;
            fees = 0;
            totalOut = 0;
            created.clear();
            spent.clear();
            newAddresses.clear();
            summaries.clear();
        }

        void found(long txNum, int addr, long value) {
            foundTxNum = txNum;
            foundAddr = addr;
            foundValue = value;
        }

        void flow(int addr, long received, long sent) {
            for (int f = 0; f < flowCount; f++) {
                if (flowAddr[f] == addr) {
                    flowReceived[f] += received;
                    flowSent[f] += sent;
                    return;
                }
            }
            if (flowCount == flowAddr.length) {
                flowAddr = java.util.Arrays.copyOf(flowAddr, flowCount * 2);
                flowReceived = java.util.Arrays.copyOf(flowReceived, flowCount * 2);
                flowSent = java.util.Arrays.copyOf(flowSent, flowCount * 2);
            }
            flowAddr[flowCount] = addr;
            flowReceived[flowCount] = received;
            flowSent[flowCount] = sent;
            flowCount++;
        }
    }
}
