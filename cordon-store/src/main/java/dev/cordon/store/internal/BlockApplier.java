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
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 *   <li>Validate, or take back. A block's outputs go straight into the output cache and its spends
 *   into the group's spent set, its new address ids and changed summaries into the group's maps,
 *   each with an undo log ({@link BlockWork}). Its writes go to the group's batch after a save
 *   point. When an input spends an unknown output the logs are undone, the batch is rolled back to
 *   the save point, the group so far is committed and synced (every earlier block is kept) and the
 *   error is thrown.
 *   <li>New addresses without a read. An {@link AddressFilter} holds every address key stored or
 *   pending; an address it has not seen is new at once (about 60% of outputs pay one), the
 *   others are looked up in the groups, the cache, then the store. It is saved next to the store
 *   at close, tagged with the checkpoint, and rebuilt by a scan when the tag does not name the
 *   store's checkpoint (after a crash) or when it is full.
 *   <li>No UTXO column. An output is unspent when its transaction's record has it and SPENDS has
 *   no entry for it; the value and address are in the record. That saves a put and a delete per
 *   output, and an output created and spent within the cache's reach never touches disk as a
 *   UTXO at all. The {@link OutputCache} holds young unspent outputs (most inputs spend outputs
 *   a few blocks old); a miss costs three reads (txid index, record, SPENDS).
 *   <li>What is not yet committed is found in memory first: outputs of uncommitted blocks are in
 *   the output cache, which only ages out entries once everything older is written; spends of
 *   uncommitted blocks are in the groups' spent sets, checked before disk; new addresses and
 *   summaries sit in their group until it is written and only then move to their caches.
 *   <li>Pipelined commit. A full group is handed to one commit thread, which sorts and writes it
 *   while the next group is resolved (on 2 cores the RocksDB write and the resolution take
 *   similar time). At most one group is in flight; the next one waits for it before it is handed
 *   over, and lookups check the group in flight after the group being built. The commit thread
 *   also encodes the group's summaries. Each group is one atomic batch with its checkpoint,
 *   committed without the write-ahead log ({@link KeyValueStore#commitDeferred}): a kill falls back
 *   to the last flushed group, never part of one, and the store's {@code flush} and close make
 *   everything durable. A failed write drops both groups and reloads tips and caches from disk;
 *   the error surfaces at the next append, flush or read.
 * </ul>
 * The store calls it under its writer lock; only the writing of a handed-over batch runs on the
 * commit thread.
 */
final class BlockApplier {
    private static final int NATIVE_ASSET = 0;

    private final KeyValueStore kv;
    private final ConcurrentMap<Chain, CheckpointCodec> tips;
    private final WriteGrouping grouping;
    private final OutputCache outputs;
    private final AddressIdCache addressCache;
    private final SummaryCache summaryCache;
    private final BlockWork work = new BlockWork();
    private final AddressFilters filters;
    private long blockSerial;
    private volatile PendingGroup group;
    /** The group being written by {@link #committer}, until its write is awaited. */
    private volatile PendingGroup inflight;
    /** A written group kept for {@link PendingGroup#reuse}. */
    private PendingGroup spareGroup;
    private Future<?> inflightWrite;
    private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cordon-store-commit");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param tips the tips the store reports; this class advances them as blocks are applied,
     *             before they are committed
     */
    BlockApplier(KeyValueStore kv, ConcurrentMap<Chain, CheckpointCodec> tips, CacheSizes sizes, WriteGrouping grouping,
                 Path filterDir) {
        this.kv = kv;
        this.filters = new AddressFilters(kv, filterDir);
        this.tips = tips;
        this.grouping = grouping;
        this.outputs = new OutputCache(sizes.utxos());
        this.addressCache = new AddressIdCache(sizes.addresses());
        this.summaryCache = new SummaryCache(sizes.summaries());
    }

    /** Whether applied blocks wait to be committed. */
    boolean hasPending() {
        return group != null || inflight != null;
    }

    /** Whether the block is applied but not yet committed. */
    boolean isPending(BlockHash hash) {
        PendingGroup g = group;
        PendingGroup f = inflight;
        return g != null && g.blocks.contains(hash) || f != null && f.blocks.contains(hash);
    }

    BlockInfo apply(UtxoBlock block) {
        Chain chain = block.chain();
        PendingGroup open = group != null ? group : inflight;
        if (open != null && open.chain != chain) {
            commit(); // the lookups below key summaries by address id alone
        }
        AddressFilter filter = filter(chain);
        CheckpointCodec tip = tips.get(chain);
        checkExtendsTip(block, tip);
        int height = tip == null ? 0 : Math.toIntExact(tip.tipHeight() + 1);
        long firstTxNum = tip == null ? 0 : tip.nextTxNum();
        if (group == null) {
            PendingGroup spare = spareGroup;
            spareGroup = null;
            group = spare != null ? spare.reuse(chain, kv.newBatch(), grouping.clock().millis())
                    : new PendingGroup(chain, kv.newBatch(), grouping.clock().millis());
        }
        PendingGroup g = group;
        BlockWork w = work;
        w.reset(g, ++blockSerial, height, tip == null ? 0 : tip.nextAddrId());
        w.filter = filter;
        g.batch.setSavePoint();
        long flowMark = g.flows.mark();
        try {
            for (int i = 0; i < block.txs().size(); i++) {
                applyTx(block, block.txs().get(i), firstTxNum + i, i, w);
            }
        } catch (RuntimeException e) {
            w.undoOutputs(outputs);
            w.undo();
            g.batch.rollbackToSavePoint();
            g.flows.truncate(flowMark);
            try {
                commit();
                kv.sync(); // the blocks before the failing one are kept even if the caller exits now
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
        g.tip = next;
        g.txs += block.txs().size();
        g.blocks.add(block.hash());
        tips.put(chain, next);
        if (g.txs >= grouping.maxTxs() || grouping.clock().millis() - g.startMillis >= grouping.maxMillis()) {
            submit();
        }
        return new BlockInfo(chain, height, block.hash(), block.parent(), Instant.ofEpochSecond(rec.timeSeconds()),
                rec.txCount(), rec.size(), Amount.of(chain.nativeAsset(), w.fees),
                Amount.of(chain.nativeAsset(), w.totalOut), firstTxNum);
    }

    /**
     * Commits the applied blocks, if any, with their summaries and checkpoint, and waits until
     * every group is written. When a commit fails the uncommitted blocks are dropped: tips and
     * caches are reloaded from disk.
     */
    void commit() {
        submit();
        awaitInflight();
    }

    /**
     * Hands the current group to the commit thread, after waiting for the group before it: at
     * most one group is in flight, and lookups see its state through {@link #inflight}.
     */
    private void submit() {
        PendingGroup g = group;
        if (g == null) {
            return;
        }
        group = null;
        try {
            awaitInflight();
        } catch (RuntimeException e) {
            g.batch.close();
            throw e;
        }
        if (g.tip == null) {
            g.batch.close();
            return;
        }
        inflight = g;
        // the history and spends entries and the summaries are encoded on the commit thread
        // (unless the writer did it while waiting, see finish): from here on the writer only reads
        // the summaries (the next group copies what it changes), and the batch is the commit
        // thread's alone
        inflightWrite = committer.submit(() -> {
            try (KeyValueStore.Batch b = g.batch) {
                if (!g.prepared) {
                    prepare(g);
                }
                kv.commitDeferred(b);
            }
        });
    }

    /** Puts the group's history, spends, summaries and checkpoint into its batch. */
    private static void prepare(PendingGroup g) {
        KeyValueStore.Batch b = g.batch;
        g.flows.writeTo(b, g.chain);
        g.summaries.forEach((id, slot) -> b.put(Column.ADDRESS_SUMMARY, Keys.summary(g.chain, id, NATIVE_ASSET),
                g.summaries.encode(slot)));
        b.put(Column.META, Keys.checkpoint(g.chain), g.tip.encode());
        g.prepared = true;
    }

    /**
     * Commits everything, for callers that make the store durable next, with less of it one
     * thread at a time (on 682k transactions the close took 1.3-1.9 s of a 7.6-9.8 s ingest):
     * while a group is in flight the writer builds the last group's entries itself instead of
     * waiting, then the store starts writing out what it has (which waits for the group in
     * flight) while the last group is written.
     */
    void finish() {
        PendingGroup g = group;
        if (g != null && g.tip != null) {
            if (inflight != null) {
                prepare(g);
            }
            kv.startSync();
        }
        commit();
    }

    /** Waits for the group in flight, if any, then moves its state into the caches. */
    private void awaitInflight() {
        PendingGroup g = inflight;
        if (g == null) {
            return;
        }
        try {
            inflightWrite.get();
        } catch (ExecutionException e) {
            dropAll();
            throw e.getCause() instanceof RuntimeException r ? r
                    : new StoreException(ErrorCode.STORE, "store commit failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropAll();
            throw new StoreException(ErrorCode.STORE, "interrupted while committing blocks; they were not kept", e);
        }
        inflight = null;
        inflightWrite = null;
        long chainKey = summaryKey(g.chain, 0);
        g.summaries.forEach((id, slot) -> summaryCache.put(chainKey | (id & 0xffffffffL), g.summaries, slot));
        int chainId = g.chain.id();
        g.newAddresses.forEach((text, hash, id) -> addressCache.put(chainId, text, hash, id));
        outputs.age();
        spareGroup = g;
    }

    /** Forgets the group in flight and the one being built, and reloads what is on disk. */
    private void dropAll() {
        inflight = null;
        inflightWrite = null;
        PendingGroup g = group;
        group = null;
        if (g != null) {
            g.batch.close();
        }
        resetToDisk();
    }

    /** Commits, saves the address filters, then stops the commit thread. */
    void close() {
        try {
            finish();
            filters.save(tips);
        } finally {
            committer.shutdown();
        }
    }

    /**
     * The chain's address filter, holding every address key on disk or pending; one that must be
     * built or rebuilt reads only what is on disk, so pending blocks are committed first.
     */
    private AddressFilter filter(Chain chain) {
        AddressFilter f = filters.current(chain);
        if (f != null) {
            return f;
        }
        if (hasPending()) {
            commit();
        }
        return filters.open(chain, tips.get(chain));
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
            w.group.flows.spend(w.foundTxNum, op.index(), txNum, j);
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
                outputs.put(w.ownTxid, k, txNum, addr, o.value());
                w.created(w.ownTxid, k);
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
            w.group.flows.history(addr, txNum, w.height, received, sent);
            w.group.summaries.addFlow(summary(w, addr), w.height, received, sent);
        }
        w.fees += fee;
        w.totalOut += out;
    }

    /**
     * Finds the unspent output into {@code w.found*} and marks it spent by the group: the cache
     * holds every uncommitted output (this block's included) and young committed ones, and takes
     * it out; otherwise disk, unless the group or the one in flight has spent it.
     */
    private boolean resolve(BlockWork w, byte[] txid, int vout) {
        PendingGroup g = w.group;
        if (outputs.take(txid, vout)) {
            w.found(outputs.foundTxNum, outputs.foundAddr, outputs.foundValue);
            g.spent.put(txid, vout, 0, 0, 0);
            w.spentCached(txid, vout, outputs.foundTxNum, outputs.foundAddr, outputs.foundValue);
            return true;
        }
        PendingGroup f = inflight;
        if (g.spent.contains(txid, vout) || f != null && f.spent.contains(txid, vout) || !fromDisk(w, txid, vout)) {
            return false;
        }
        g.spent.put(txid, vout, 0, 0, 0);
        w.spentStored(txid, vout);
        return true;
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
        String text = a.value();
        PendingGroup g = w.group;
        byte[] key = Keys.addressText(a);
        long h64 = AddressFilter.hashOf(key);
        int h = AddressIdCache.fold(h64);
        // the filter holds every stored and pending address: most new ones need no lookup at all
        if (w.filter.mightContainHash(h64)) {
            int id = g.newAddresses.get(text, h);
            if (id >= 0) {
                return id;
            }
            PendingGroup f = inflight;
            if (f != null && (id = f.newAddresses.get(text, h)) >= 0) {
                return id;
            }
            int chainId = a.chain().id();
            int cached = addressCache.get(chainId, text, h);
            if (cached >= 0) {
                return cached;
            }
            Optional<byte[]> v = kv.get(Column.ADDRESS_ID_BY_TEXT, key);
            if (v.isPresent()) {
                int known = FixedCodecs.int4(v.get(), Column.ADDRESS_ID_BY_TEXT);
                addressCache.put(chainId, text, h, known);
                return known;
            }
        }
        if (w.nextAddrId == Integer.MAX_VALUE) {
            throw new StoreException(ErrorCode.STORE, "address ids of " + a.chain().code() + " are exhausted");
        }
        int created = w.nextAddrId++;
        g.newAddresses.put(text, h, created);
        w.filter.addHash(h64); // kept even if the block fails: an extra key only costs a read
        w.addedAddress(text, h);
        int slot = g.summaries.add(created, 0, 0, 0, 0, 0, 0, Arrays.copyOfRange(key, 1, key.length));
        w.saving(created, g.summaries, slot, true);
        g.batch.put(Column.ADDRESS_ID_BY_TEXT, key, FixedCodecs.int4(created));
        return created;
    }

    /**
     * The slot of the address's summary in the group's map, to change: there already, or copied
     * into it from the group in flight, the cache or disk; the first time in a block, its values
     * are saved in the block's undo log.
     */
    private int summary(BlockWork w, int addressId) {
        IdSummaryMap m = w.group.summaries;
        int slot = m.find(addressId);
        if (slot >= 0) {
            if (m.stamp(slot) != (int) w.serial) {
                w.saving(addressId, m, slot, false);
            }
            return slot;
        }
        PendingGroup f = inflight;
        int known = f == null ? -1 : f.summaries.find(addressId);
        if (known >= 0) {
            slot = m.addCopy(addressId, f.summaries, known);
        } else if ((known = summaryCache.find(summaryKey(w.group.chain, addressId))) >= 0) {
            slot = summaryCache.copyInto(known, m, addressId);
        } else {
            SummaryCodec s = SummaryCodec.decode(kv.get(Column.ADDRESS_SUMMARY, Keys.summary(w.group.chain, addressId,
                    NATIVE_ASSET)).orElseThrow(() -> new StoreException(ErrorCode.STORE, "store is damaged: "
                            + Column.ADDRESS_SUMMARY + " has no address id " + addressId)));
            slot = m.add(addressId, s.balance(), s.received(), s.sent(), s.txCount(), s.firstHeight(), s.lastHeight(),
                    s.textBytes());
        }
        w.saving(addressId, m, slot, true);
        return slot;
    }

    private static long summaryKey(Chain chain, int addressId) {
        return ((long) chain.id() << 32) | (addressId & 0xffffffffL);
    }
}
