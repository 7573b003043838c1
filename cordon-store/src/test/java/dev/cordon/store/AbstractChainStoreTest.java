package dev.cordon.store;

import static dev.cordon.store.Fixtures.block;
import static dev.cordon.store.Fixtures.btc;
import static dev.cordon.store.Fixtures.coinbase;
import static dev.cordon.store.Fixtures.out;
import static dev.cordon.store.Fixtures.pay;
import static dev.cordon.store.Fixtures.spend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Amount;
import dev.cordon.core.Chain;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import dev.cordon.store.BlockIngestor.Outcome;
import dev.cordon.store.internal.Column;
import dev.cordon.store.internal.FormatCodec;
import dev.cordon.store.internal.KeyValueStore;
import dev.cordon.store.internal.Keys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ChainStore} passes. Subclasses say how to open a store over the
 * same content again and how to reach its raw key-value form.
 */
abstract class AbstractChainStoreTest {
    private final SmallChain c = new SmallChain();
    private ChainStore store;

    /** Opens a store over this test's content; the first call creates it empty. */
    protected abstract ChainStore open();

    /** The raw key-value form of this test's content; the store is closed when it is called. */
    protected abstract KeyValueStore openRaw();

    private ChainStore store() {
        if (store == null) {
            store = open();
        }
        return store;
    }

    private ChainStore reopen() {
        store.close();
        store = open();
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private BlockIngestor ingestAll(List<UtxoBlock> blocks) {
        BlockIngestor in = new BlockIngestor(store(), 100);
        blocks.forEach(in::accept);
        return in;
    }

    private static Amount sats(long n) {
        return Amount.sats(n);
    }

    @Test
    void address_afterSmallChain_exactSummaries() {
        ingestAll(c.blocks());
        AddressSummary a = store().address(btc("1A")).orElseThrow();
        assertThat(a.id()).isZero();
        assertThat(a.balance()).isEqualTo(sats(0));
        assertThat(a.received()).isEqualTo(sats(6990));
        assertThat(a.sent()).isEqualTo(sats(6990));
        assertThat(a.txCount()).isEqualTo(3);
        assertThat(a.firstSeenHeight()).isZero();
        assertThat(a.firstSeen()).isEqualTo(Instant.ofEpochSecond(1_600_000_000L));
        assertThat(a.lastSeenHeight()).isEqualTo(2);
        assertThat(a.lastSeen()).isEqualTo(Instant.ofEpochSecond(1_600_001_200L));

        AddressSummary b = store().address(btc("1B")).orElseThrow();
        assertThat(b.id()).isEqualTo(1);
        assertThat(b.balance()).isEqualTo(sats(10_100));
        assertThat(b.txCount()).isEqualTo(2);
        AddressSummary cc = store().address(btc("1C")).orElseThrow();
        assertThat(List.of(cc.id(), cc.balance(), cc.received(), cc.sent(), cc.txCount()))
                .containsExactly(2, sats(0), sats(3000), sats(3000), 2L);
        assertThat(store().address(btc("1D")).orElseThrow().balance()).isEqualTo(sats(2500));
        assertThat(store().address(btc("1E")).orElseThrow().id()).isEqualTo(4);
        assertThat(store().address(btc("1Nobody"))).isEmpty();
    }

    @Test
    void counts_afterSmallChain_checkpointAtTip() {
        ingestAll(c.blocks());
        assertThat(store().checkpoint(Chain.BITCOIN)).contains(new Checkpoint(Chain.BITCOIN, 2, c.b2.hash()));
        assertThat(store().checkpoint(Chain.ETHEREUM)).isEmpty();
        assertThat(store().blockCount(Chain.BITCOIN)).isEqualTo(3);
        assertThat(store().txCount(Chain.BITCOIN)).isEqualTo(6);
        assertThat(store().addressCount(Chain.BITCOIN)).isEqualTo(5);
        assertThat(store().blockCount(Chain.ETHEREUM)).isZero();
    }

    @Test
    void block_afterSmallChain_feesAndTotals() {
        ingestAll(c.blocks());
        BlockInfo b1 = store().block(Chain.BITCOIN, 1).orElseThrow();
        assertThat(b1.hash()).isEqualTo(c.b1.hash());
        assertThat(b1.parent()).isEqualTo(c.b0.hash());
        assertThat(b1.time()).isEqualTo(Instant.ofEpochSecond(1_600_000_600L));
        assertThat(b1.txCount()).isEqualTo(3);
        assertThat(b1.size()).isEqualTo(c.b1.size());
        assertThat(b1.totalFees()).isEqualTo(sats(15));
        assertThat(b1.totalOut()).isEqualTo(sats(5015 + 3000 + 1990 + 2500 + 495));
        assertThat(b1.firstTxNum()).isEqualTo(1);
        assertThat(store().block(c.b2.hash()).orElseThrow().totalFees()).isEqualTo(sats(85));
        assertThat(store().block(Chain.BITCOIN, 3)).isEmpty();
        assertThat(store().block(Chain.BITCOIN, -1)).isEmpty();
    }

    @Test
    void tx_spendWithinBlock_resolvedInputsFeesAndSpentBy() {
        ingestAll(c.blocks());
        TxInfo t1b = store().tx(c.t1b.txid()).orElseThrow();
        assertThat(t1b.height()).isEqualTo(1);
        assertThat(t1b.blockHash()).isEqualTo(c.b1.hash());
        assertThat(t1b.index()).isEqualTo(2);
        assertThat(t1b.txNum()).isEqualTo(3);
        assertThat(t1b.coinbase()).isFalse();
        assertThat(t1b.fee()).isEqualTo(sats(5));
        assertThat(t1b.size()).isEqualTo(c.t1b.size());
        assertThat(t1b.vsize()).isEqualTo(c.t1b.vsize());
        assertThat(t1b.inputs()).containsExactly(
                new TxInfo.Input(out(c.t1a, 0), Optional.of(btc("1C")), sats(3000)));
        assertThat(t1b.outputs()).containsExactly(
                new TxInfo.Output(0, ScriptKind.P2PKH, Optional.of(btc("1D")), sats(2500), "", Optional.empty()),
                new TxInfo.Output(1, ScriptKind.MULTISIG, Optional.empty(), sats(495), SmallChain.MULTISIG_SCRIPT,
                        Optional.of(c.t2a.txid())));

        TxInfo t2a = store().tx(c.t2a.txid()).orElseThrow();
        assertThat(t2a.inputs()).extracting(TxInfo.Input::address).containsExactly(Optional.of(btc("1A")), Optional.empty());
        assertThat(t2a.fee()).isEqualTo(sats(85));
        assertThat(t2a.time()).isEqualTo(Instant.ofEpochSecond(1_600_001_200L));
    }

    @Test
    void tx_coinbaseWithOpReturnAndP2pk_noFeeNoAddressForData() {
        ingestAll(c.blocks());
        TxInfo cb1 = store().tx(c.cb1.txid()).orElseThrow();
        assertThat(cb1.coinbase()).isTrue();
        assertThat(cb1.fee()).isEqualTo(sats(0));
        assertThat(cb1.inputs()).isEmpty();
        assertThat(cb1.outputs()).containsExactly(
                new TxInfo.Output(0, ScriptKind.P2PK, Optional.of(btc("1B")), sats(5015), "", Optional.empty()),
                new TxInfo.Output(1, ScriptKind.OP_RETURN, Optional.empty(), sats(0), "cafe", Optional.empty()));
        assertThat(store().tx(c.cb0.txid()).orElseThrow().outputs().get(0).spentBy()).contains(c.t1a.txid());
        assertThat(store().tx(new TxId(Fixtures.sha256("absent")))).isEmpty();
    }

    @Test
    void history_bothOrdersAndLimit_netDeltas() {
        ingestAll(c.blocks());
        List<HistoryEntry> oldest = store().history(btc("1A"), 10, HistoryOrder.OLDEST_FIRST);
        assertThat(oldest).extracting(HistoryEntry::txid).containsExactly(c.cb0.txid(), c.t1a.txid(), c.t2a.txid());
        assertThat(oldest).extracting(HistoryEntry::delta).containsExactly(sats(5000), sats(-3010), sats(-1990));
        assertThat(oldest).extracting(HistoryEntry::height).containsExactly(0L, 1L, 2L);
        assertThat(oldest.get(1).received()).isEqualTo(sats(1990));
        assertThat(oldest.get(1).sent()).isEqualTo(sats(5000));
        assertThat(oldest.get(2).time()).isEqualTo(Instant.ofEpochSecond(1_600_001_200L));
        List<HistoryEntry> newest = store().history(btc("1A"), 2, HistoryOrder.NEWEST_FIRST);
        assertThat(newest).extracting(HistoryEntry::txid).containsExactly(c.t2a.txid(), c.t1a.txid());
        assertThat(store().history(btc("1Nobody"), 5, HistoryOrder.OLDEST_FIRST)).isEmpty();
        assertThat(store().history(btc("1A"), 0, HistoryOrder.OLDEST_FIRST)).isEmpty();
    }

    @Test
    void richest_byBalanceDescending() {
        ingestAll(c.blocks());
        assertThat(store().richest(Chain.BITCOIN, 3)).extracting(s -> s.address().value())
                .containsExactly("1B", "1D", "1E");
        assertThat(store().richest(Chain.BITCOIN, 100)).hasSize(5);
        assertThat(store().richest(Chain.ETHEREUM, 3)).isEmpty();
    }

    @Test
    void denseIds_lookupsAndFlowsAgree() {
        ingestAll(c.blocks());
        assertThat(store().addressId(btc("1C"))).hasValue(2);
        assertThat(store().addressById(Chain.BITCOIN, 3)).contains(btc("1D"));
        assertThat(store().addressById(Chain.BITCOIN, 5)).isEmpty();
        assertThat(store().txNum(Chain.BITCOIN, c.t2a.txid())).hasValue(5);
        List<Long> nums = new ArrayList<>();
        store().forEachTx(Chain.BITCOIN, 2, tx -> nums.add(tx.txNum()));
        assertThat(nums).containsExactly(2L, 3L, 4L, 5L);
        TxFlow t2a = store().txFlow(Chain.BITCOIN, 5).orElseThrow();
        assertThat(t2a.txid()).isEqualTo(c.t2a.txid());
        assertThat(List.of(t2a.inputAddressId(0), t2a.inputAddressId(1), t2a.outputAddressId(0))).containsExactly(0, -1, 4);
        assertThat(List.of(t2a.inputValue(0), t2a.inputValue(1), t2a.outputValue(0), t2a.fee()))
                .containsExactly(1990L, 495L, 2400L, 85L);
        assertThat(List.of(t2a.inputSpentTxNum(1), (long) t2a.inputSpentVout(1))).containsExactly(3L, 1L);
        assertThat(store().spendingTx(Chain.BITCOIN, 2, 0)).hasValue(3);
        assertThat(store().spendingTx(Chain.BITCOIN, 3, 0)).isEmpty();
        List<Long> aTxs = new ArrayList<>();
        store().forEachAddressTx(Chain.BITCOIN, 0, (txNum, height, received, sent) -> aTxs.add(txNum));
        assertThat(aTxs).containsExactly(0L, 2L, 5L);
    }

    @Test
    void accept_outOfOrder_heldUntilParentThenSameStore() {
        String inOrder = digestOf(c.blocks());
        BlockIngestor in = new BlockIngestor(store(), 10);
        assertThat(in.accept(c.b2)).isEqualTo(Outcome.HELD);
        assertThat(in.accept(c.b1)).isEqualTo(Outcome.HELD);
        assertThat(in.report().waiting()).extracting(IngestReport.Waiting::hash).containsExactly(c.b2.hash(), c.b1.hash());
        assertThat(in.accept(c.b0)).isEqualTo(Outcome.APPLIED);
        assertThat(in.report()).isEqualTo(new IngestReport(3, 0, 0, List.of()));
        assertThat(store().contentDigest()).isEqualTo(inOrder);
    }

    private String digestOf(List<UtxoBlock> blocks) {
        try (ChainStore other = MemoryChainStore.create()) {
            BlockIngestor in = new BlockIngestor(other, 10);
            blocks.forEach(in::accept);
            return other.contentDigest();
        }
    }

    @Test
    void accept_blocksAlreadyPresent_changeNothing() {
        ingestAll(c.blocks());
        String before = store().contentDigest();
        BlockIngestor again = new BlockIngestor(reopen(), 10);
        for (UtxoBlock b : c.blocks()) {
            assertThat(again.accept(b)).isEqualTo(Outcome.ALREADY_PRESENT);
        }
        assertThat(again.report()).isEqualTo(new IngestReport(0, 3, 0, List.of()));
        assertThat(store().contentDigest()).isEqualTo(before);
    }

    @Test
    void reopen_keepsContentAndCounters() {
        ingestAll(List.of(c.b0, c.b1));
        String before = store().contentDigest();
        assertThat(reopen().contentDigest()).isEqualTo(before);
        new BlockIngestor(store(), 0).accept(c.b2);
        assertThat(store().txCount(Chain.BITCOIN)).isEqualTo(6);
        assertThat(store().address(btc("1E")).orElseThrow().id()).isEqualTo(4);
        assertThat(store().contentDigest()).isEqualTo(digestOf(c.blocks()));
    }

    @Test
    void append_unknownOutput_oneLineErrorAndEarlierBlocksKept() {
        ingestAll(List.of(c.b0, c.b1));
        String before = store().contentDigest();
        OutPoint missing = new OutPoint(new TxId(Fixtures.sha256("nowhere")), 7);
        UtxoTx bad = spend("bad", List.of(out(c.t1a, 1), missing), pay("1Z", 1));
        UtxoBlock badBlock = block("b2bad", c.b1, 1_600_001_200L, coinbase("cbx", pay("1Y", 1)), bad);
        BlockIngestor in = new BlockIngestor(store(), 10);
        assertThatThrownBy(() -> in.accept(badBlock))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA))
                .hasMessage("block " + badBlock.hash() + " tx " + bad.txid() + " input 1 spends unknown output "
                        + missing.txid() + ":7");
        assertThat(store().contentDigest()).isEqualTo(before);
        assertThat(store().checkpoint(Chain.BITCOIN)).contains(new Checkpoint(Chain.BITCOIN, 1, c.b1.hash()));
        // nothing of the failed block leaked into the writer's caches
        assertThat(in.accept(c.b2)).isEqualTo(Outcome.APPLIED);
        assertThat(store().contentDigest()).isEqualTo(digestOf(c.blocks()));
    }

    @Test
    void append_failingBlockAfterChangingKnownAddresses_everyChangeTakenBack() {
        ingestAll(List.of(c.b0, c.b1)); // not read back: a grouping store still holds them pending
        // the bad block pays and spends addresses the store knows (their summaries change in the
        // writer's pending state), creates a new one, then fails in its last transaction
        UtxoTx cbx = coinbase("cbx", pay("1B", 7), pay("1N", 3));
        UtxoTx good = spend("good", List.of(out(c.t1a, 1)), pay("1C", 1000), pay("1A", 980));
        UtxoTx bad = spend("bad2", List.of(out(good, 0), new OutPoint(new TxId(Fixtures.sha256("nowhere")), 1)),
                pay("1D", 1));
        UtxoBlock badBlock = block("b2bad2", c.b1, 1_600_001_200L, cbx, good, bad);
        assertThatThrownBy(() -> store().append(badBlock)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA));
        assertThat(store().contentDigest()).isEqualTo(digestOf(List.of(c.b0, c.b1)));
        assertThat(store().address(btc("1N"))).isEmpty();
        assertThat(store().address(btc("1A")).orElseThrow().balance()).isEqualTo(sats(1990));
        assertThat(new BlockIngestor(store(), 0).accept(c.b2)).isEqualTo(Outcome.APPLIED);
        assertThat(store().contentDigest()).isEqualTo(digestOf(c.blocks()));
        assertThat(store().address(btc("1E")).orElseThrow().id()).isEqualTo(4);
    }

    @Test
    void append_afterFailingBlock_itsOutputsAreUnknownAndItsSpendsUnspent() {
        ingestAll(List.of(c.b0, c.b1)); // pending in a grouping store: their outputs are in the writer's cache
        UtxoTx good = spend("good3", List.of(out(c.t1a, 1)), pay("1C", 1000), pay("1A", 980));
        UtxoTx bad = spend("bad3", List.of(new OutPoint(new TxId(Fixtures.sha256("nowhere")), 2)), pay("1D", 1));
        UtxoBlock badBlock = block("b2bad3", c.b1, 1_600_001_200L, coinbase("cb3", pay("1B", 7)), good, bad);
        assertThatThrownBy(() -> store().append(badBlock)).isInstanceOf(StoreException.class);
        // an output the failed block created was taken back
        UtxoTx late = spend("late", List.of(out(good, 0)), pay("1E", 900));
        UtxoBlock lateBlock = block("b2late", c.b1, 1_600_001_300L, coinbase("cb4", pay("1B", 7)), late);
        assertThatThrownBy(() -> store().append(lateBlock)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA)).hasMessageContaining("input 0 spends unknown output");
        // and the output it spent is unspent again
        assertThat(new BlockIngestor(store(), 0).accept(c.b2)).isEqualTo(Outcome.APPLIED);
        assertThat(store().contentDigest()).isEqualTo(digestOf(c.blocks()));
    }

    @Test
    void append_doubleSpendWithinBlock_refused() {
        ingestAll(List.of(c.b0));
        UtxoTx first = spend("x1", List.of(out(c.cb0, 0)), pay("1X", 4000));
        UtxoTx second = spend("x2", List.of(out(c.cb0, 0)), pay("1Y", 4000));
        UtxoBlock b = block("dbl", c.b0, 1_600_000_600L, coinbase("cbd", pay("1M", 1)), first, second);
        assertThatThrownBy(() -> store().append(b)).isInstanceOf(StoreException.class)
                .hasMessageContaining("tx " + second.txid() + " input 0 spends unknown output");
        assertThat(store().blockCount(Chain.BITCOIN)).isEqualTo(1);
    }

    @Test
    void append_outputsExceedInputs_refused() {
        ingestAll(List.of(c.b0));
        UtxoTx greedy = spend("greedy", List.of(out(c.cb0, 0)), pay("1X", 5001));
        UtxoBlock b = block("greedy", c.b0, 1_600_000_600L, coinbase("cbg", pay("1M", 1)), greedy);
        assertThatThrownBy(() -> store().append(b)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA)).hasMessageContaining("pays out 5001");
    }

    @Test
    void append_notOnTip_usageError() {
        assertThatThrownBy(() -> store().append(c.b1)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE)).hasMessageContaining("does not extend the tip");
        ingestAll(List.of(c.b0, c.b1));
        assertThatThrownBy(() -> store().append(c.b1)).isInstanceOf(StoreException.class);
    }

    @Test
    void accept_competingBranchAndMissingParent_reported() {
        ingestAll(List.of(c.b0, c.b1));
        UtxoBlock fork = block("fork1", c.b0, 1_600_000_700L, coinbase("cbf", pay("1F", 5000)));
        UtxoBlock orphan = block("orphan", fork, 1_600_000_800L, coinbase("cbo", pay("1F", 5000)));
        UtxoBlock farOrphan = block("far", orphan, 1_600_000_900L, coinbase("cbfar", pay("1F", 5000)));
        BlockIngestor in = new BlockIngestor(store(), 1);
        assertThat(in.accept(fork)).isEqualTo(Outcome.STALE);
        // a child of a skipped branch block waits: its parent never reaches the store
        assertThat(in.accept(orphan)).isEqualTo(Outcome.HELD);
        assertThat(in.accept(orphan)).isEqualTo(Outcome.HELD);
        assertThat(in.report()).isEqualTo(new IngestReport(0, 0, 1,
                List.of(new IngestReport.Waiting(orphan.hash(), fork.hash()))));
        assertThatThrownBy(() -> in.accept(farOrphan)).isInstanceOf(StoreException.class)
                .hasMessageContaining("more than 1 blocks wait for their parent; block " + orphan.hash());
    }

    @Test
    void open_formatOfAnotherVersion_refusedWithClearMessage() {
        ingestAll(List.of(c.b0));
        store.close();
        try (KeyValueStore raw = openRaw(); KeyValueStore.Batch b = raw.newBatch()) {
            b.put(Column.META, Keys.FORMAT, FormatCodec.encode(999));
            raw.commit(b);
        }
        store = null;
        assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE))
                .hasMessageContaining("has format 999; this build reads format " + FormatCodec.CURRENT)
                .hasMessageContaining("newer cordon");
    }

    @Test
    void open_dataWithoutFormatRecord_refused() {
        ingestAll(List.of(c.b0));
        store.close();
        try (KeyValueStore raw = openRaw(); KeyValueStore.Batch b = raw.newBatch()) {
            b.delete(Column.META, Keys.FORMAT);
            raw.commit(b);
        }
        store = null;
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class).hasMessageContaining("no format record");
    }

    @Test
    void closedStore_refusesCalls() {
        ChainStore s = store();
        s.close();
        assertThatThrownBy(() -> s.blockCount(Chain.BITCOIN)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> s.address(btc("1A"))).isInstanceOf(StoreException.class);
        store = null;
    }
}
