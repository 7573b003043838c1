package dev.cordon.intel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.intel.LabelIndex;
import dev.cordon.intel.store.DatasetInfo;
import dev.cordon.intel.store.InMemoryLabelStore;
import dev.cordon.intel.store.LabelBatch;
import dev.cordon.store.ChainStore;
import dev.cordon.store.EthereumStore;
import dev.cordon.store.MemoryChainStore;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Deposit-address clustering fed from the Ethereum store: two customer addresses fund one deposit
 * address that forwards to Binance's labelled hot wallet, over blocks 100 to 103.
 */
class EthClusterFeederTest {
    private static final Instant T = Instant.parse("2025-02-21T00:00:00Z");
    /** Binance 14, a Binance hot wallet in Etherscan's labels. */
    private static final Address HOT = eth("0x28c6c06298d514db089934071355e5743bf21d60");
    private static final Address F1 = eth("0x" + "1".repeat(40));
    private static final Address F2 = eth("0x" + "2".repeat(40));
    private static final Address D = eth("0x" + "d".repeat(40));
    private static final Address MINER = eth("0x" + "e".repeat(40));
    private static final Asset ETH = Chain.ETHEREUM.nativeAsset();
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private static final ClusterTag DEPOSIT = new ClusterTag("deposit:binance", "Binance 14 deposit (customer)", Category.USER,
            Confidence.HEURISTIC);

    private static Address eth(String text) {
        return new Address(Chain.ETHEREUM, text);
    }

    private static BlockHash hash(long height, int fork) {
        byte[] b = new byte[32];
        b[31] = (byte) height;
        b[0] = (byte) fork;
        return new BlockHash(b);
    }

    private static Transfer t(long h, int pos, TransferKind kind, Address from, Address to, long gwei) {
        byte[] id = new byte[32];
        id[31] = (byte) h;
        return new Transfer(Chain.ETHEREUM, new TxId(id), h, 0, pos, kind, from, to,
                new Amount(ETH, BigInteger.valueOf(gwei).multiply(GWEI)), Optional.empty());
    }

    /** Block {@code h} of fork {@code fork} (0 is the first chain; the parent of 102 is always fork 0's 101). */
    private static EthBlockFlows block(long h, int fork) {
        List<Transfer> ts = switch ((int) h) {
            case 100 -> List.of(t(h, 0, TransferKind.NATIVE, F1, D, 1_000_000_000L),
                    t(h, 1, TransferKind.FEE_TIP, F1, MINER, 21_000L));
            case 101 -> List.of(t(h, 0, TransferKind.NATIVE, D, HOT, 999_000_000L));
            case 102 -> List.of(t(h, 0, TransferKind.NATIVE, F2, D, 2_000_000_000L));
            default -> List.of(t(h, 0, TransferKind.NATIVE, D, HOT, 1_999_500_000L));
        };
        int parentFork = h == 102 ? 0 : fork;
        return new EthBlockFlows(h, hash(h, fork), hash(h - 1, parentFork), T.plusSeconds(12 * h), MINER, 1, ts, List.of(),
                List.of());
    }

    private static Optional<LabelIndex> labels() {
        InMemoryLabelStore store = new InMemoryLabelStore();
        Label hot = new Label(LabelSubject.of(HOT), "Binance 14", Category.EXCHANGE, Optional.empty(), Optional.of("binance"),
                "https://etherscan.io/accounts/label/binance", Confidence.SERVICE_DATA, T.minusSeconds(3600), Optional.empty(),
                "", T, "test", "");
        store.apply(new LabelBatch(DatasetInfo.of("test", "t", "t", "", "", T), List.of(hot), List.of(), true));
        return Optional.of(LabelIndex.of(store, T));
    }

    private static EthClusterFeeder.Result catchUp(EthereumStore eth, ClusterStore clusters) {
        return new EthClusterFeeder(eth, clusters, labels()).catchUp(n -> { });
    }

    private static TreeSet<String> membersOf(ChainClusters s, Address a) {
        TreeSet<String> out = new TreeSet<>();
        int id = s.ids().find(a).orElseThrow();
        s.clusters().forEachMember(id, 100, m -> out.add(s.ids().address(m).orElseThrow().value()));
        return out;
    }

    private static void assertCustomerCluster(ChainClusters s, Address... members) {
        TreeSet<String> expected = new TreeSet<>();
        for (Address a : members) {
            expected.add(a.value());
        }
        assertThat(membersOf(s, D)).isEqualTo(expected);
        assertThat(s.clusters().tagOf(s.ids().find(D).orElseThrow())).isEqualTo(DEPOSIT);
        assertThat(membersOf(s, HOT)).containsExactly(HOT.value());
        assertThat(s.clusters().tagOf(s.ids().find(HOT).orElseThrow()))
                .isEqualTo(new ClusterTag("binance", "Binance 14", Category.EXCHANGE, Confidence.SERVICE_DATA));
    }

    @Test
    void catchUp_fundersOfADepositAddress_oneClusterTaggedAsTheExchangesCustomer() {
        ClusterStore clusters = new InMemoryClusterStore();
        try (ChainStore store = MemoryChainStore.create()) {
            for (long h = 100; h <= 103; h++) {
                store.ethereum().applyBlock(block(h, 0));
            }

            EthClusterFeeder.Result r = catchUp(store.ethereum(), clusters);

            assertThat(r.toHeight()).isEqualTo(103);
            assertThat(r.transfers()).isEqualTo(5);
            assertThat(r.fed()).isEqualTo(4);
            assertThat(r.rebuilt()).isFalse();
            assertThat(r.stats().skipped().get("deposit-addresses")).isEqualTo(1);
            ChainClusters saved = clusters.load(Chain.ETHEREUM);
            assertThat(saved.cursor()).isEqualTo(103);
            assertThat(saved.cursorHash()).contains(hash(103, 0));
            assertThat(saved.ids().size()).isEqualTo(4);
            assertThat(saved.ids().find(MINER)).isEmpty();
            assertCustomerCluster(saved, D, F1, F2);
            assertThat(saved.clusters().clusterCount()).isEqualTo(2);
        }
    }

    @Test
    void catchUp_secondRun_doesNothing() {
        ClusterStore clusters = new InMemoryClusterStore();
        try (ChainStore store = MemoryChainStore.create()) {
            for (long h = 100; h <= 103; h++) {
                store.ethereum().applyBlock(block(h, 0));
            }
            catchUp(store.ethereum(), clusters);

            EthClusterFeeder.Result again = catchUp(store.ethereum(), clusters);

            assertThat(again.fromHeight()).isEqualTo(104);
            assertThat(again.toHeight()).isEqualTo(103);
            assertThat(again.transfers()).isZero();
            assertThat(again.rebuilt()).isFalse();
            assertCustomerCluster(clusters.load(Chain.ETHEREUM), D, F1, F2);
        }
    }

    @Test
    void catchUp_reorgBelowTheCursor_rebuildsToTheSameClusters() {
        ClusterStore clusters = new InMemoryClusterStore();
        try (ChainStore store = MemoryChainStore.create()) {
            EthereumStore eth = store.ethereum();
            for (long h = 100; h <= 103; h++) {
                eth.applyBlock(block(h, 0));
            }
            catchUp(eth, clusters);
            eth.rollbackTo(101);
            eth.applyBlock(block(102, 1));
            eth.applyBlock(block(103, 1));

            EthClusterFeeder.Result r = catchUp(eth, clusters);

            assertThat(r.rebuilt()).isTrue();
            assertThat(r.fromHeight()).isZero();
            assertThat(r.transfers()).isEqualTo(5);
            ChainClusters saved = clusters.load(Chain.ETHEREUM);
            assertThat(saved.cursorHash()).contains(hash(103, 1));
            assertCustomerCluster(saved, D, F1, F2);
            assertThat(saved.clusters().clusterCount()).isEqualTo(2);
        }
    }

    @Test
    void catchUp_rollbackOnlyBelowTheCursor_rebuildsWithoutTheRemovedBlocks() {
        ClusterStore clusters = new InMemoryClusterStore();
        try (ChainStore store = MemoryChainStore.create()) {
            EthereumStore eth = store.ethereum();
            for (long h = 100; h <= 103; h++) {
                eth.applyBlock(block(h, 0));
            }
            catchUp(eth, clusters);
            eth.rollbackTo(101);

            EthClusterFeeder.Result r = catchUp(eth, clusters);

            assertThat(r.rebuilt()).isTrue();
            assertThat(r.toHeight()).isEqualTo(101);
            ChainClusters saved = clusters.load(Chain.ETHEREUM);
            assertThat(saved.ids().size()).isEqualTo(3);
            assertCustomerCluster(saved, D, F1);
        }
    }

    @Test
    void nanoUnits_ethAndTokens_scaledToOneBillionthOfAWholeUnit() {
        try (ChainStore store = MemoryChainStore.create()) {
            store.ethereum().applyBlock(block(100, 0));
            EthClusterFeeder f = new EthClusterFeeder(store.ethereum(), new InMemoryClusterStore(), Optional.empty());

            assertThat(f.nanoUnits(0, new BigInteger("1500000000000000000"))).isEqualTo(1_500_000_000L);
            assertThat(f.nanoUnits(0, new BigInteger("999999999"))).isZero();
            assertThat(f.nanoUnits(0, BigInteger.TWO.pow(200))).isEqualTo(-1);
        }
    }
}
