package dev.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.core.account.ContractCreation;
import dev.cordon.core.account.EthBlockFlows;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact content of the Ethereum side of the store: transfers, totals per asset, creations, bridge
 * deposits, rollback.
 */
class EthereumStoreTest {
    private static final Address A = eth('a');
    private static final Address B = eth('b');
    private static final Address C = eth('c');
    private static final Address K = eth('d');
    private static final Address MINER = eth('e');
    private static final Address ZERO = eth('0');
    private static final Asset ETH = Chain.ETHEREUM.nativeAsset();
    private static final Asset TOKEN = Asset.token(eth('1'), "ERC20", 0);
    private static final Asset NFT = Asset.token(eth('2'), "ERC721", 0);
    private static final BigInteger FIVE_ETH = new BigInteger("5000000000000000000");
    private static final BigInteger HUGE = BigInteger.TWO.pow(200);
    private static final TxId TX1 = txid(1);
    private static final TxId TX2 = txid(2);
    private static final TxId TX3 = txid(3);
    private static final Address ROUTER = eth('f');
    private static final String MEMO = "SWAP:BTC.BTC:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    /** THORChain memos may carry any text the sender chose; the store keeps it byte for byte. */
    private static final String ODD_MEMO = "=:ETH.ETH:0x" + "a".repeat(40) + ":0/1/0:té:50";
    private static final BridgeDeposit D1 = new BridgeDeposit(TX1, 0, 2, ROUTER, K, BridgeDeposit.ETHER, FIVE_ETH, MEMO);
    private static final BridgeDeposit D2 = new BridgeDeposit(TX1, 0, 5, ROUTER, K, TOKEN.contract().orElseThrow(), HUGE,
            ODD_MEMO);
    private static final BridgeDeposit D3 = new BridgeDeposit(TX3, 0, 0, ROUTER, C, BridgeDeposit.ETHER, BigInteger.ZERO, "");

    private static Address eth(char c) {
        return new Address(Chain.ETHEREUM, "0x" + String.valueOf(c).repeat(40));
    }

    private static TxId txid(int n) {
        byte[] b = new byte[32];
        b[31] = (byte) n;
        b[0] = (byte) 0xee;
        return new TxId(b);
    }

    private static BlockHash hash(int n) {
        byte[] b = new byte[32];
        b[31] = (byte) n;
        return new BlockHash(b);
    }

    private static Transfer t(TxId tx, long h, int index, int pos, TransferKind k, Address from, Address to, Asset a,
                              BigInteger units, Optional<BigInteger> tokenId) {
        return new Transfer(Chain.ETHEREUM, tx, h, index, pos, k, from, to, new Amount(a, units), tokenId);
    }

    private static EthBlockFlows block100() {
        List<Transfer> ts = List.of(
                t(TX1, 100, 0, 0, TransferKind.NATIVE, A, B, ETH, FIVE_ETH, Optional.empty()),
                t(TX1, 100, 0, 1, TransferKind.ERC20, B, C, TOKEN, HUGE, Optional.empty()),
                t(TX1, 100, 0, 2, TransferKind.FEE_BURN, A, ZERO, ETH, BigInteger.valueOf(21_000), Optional.empty()),
                t(TX1, 100, 0, 3, TransferKind.FEE_TIP, A, MINER, ETH, BigInteger.valueOf(1_000), Optional.empty()),
                t(TX2, 100, 1, 0, TransferKind.CREATE, A, K, ETH, BigInteger.valueOf(7), Optional.empty()));
        return new EthBlockFlows(100, hash(100), hash(99), Instant.ofEpochSecond(1_700_000_000L), MINER, 2, ts,
                List.of(new ContractCreation(TX2, 1, A, K)), List.of(), List.of(D1, D2));
    }

    private static EthBlockFlows block101(int fork) {
        List<Transfer> ts = List.of(
                t(TX3, 101, 0, 0, TransferKind.INTERNAL, K, B, ETH, BigInteger.valueOf(3), Optional.empty()),
                t(TX3, 101, 0, 1, TransferKind.ERC721, C, A, NFT, BigInteger.ONE, Optional.of(BigInteger.valueOf(42))));
        return new EthBlockFlows(101, hash(101 + fork * 100), hash(100), Instant.ofEpochSecond(1_700_000_012L), MINER, 1,
                ts, List.of(), List.of(), fork == 0 ? List.of(D3) : List.of());
    }

    @Test
    void address_totalsPerAssetAndLatestTransfers() {
        try (ChainStore s = MemoryChainStore.create()) {
            s.ethereum().applyBlock(block100());
            s.ethereum().applyBlock(block101(0));

            EthAddressInfo b = s.ethereum().address(B, 2).orElseThrow();
            assertThat(b.assets()).containsExactly(
                    new EthAddressInfo.AssetTotals(new Amount(ETH, FIVE_ETH.add(BigInteger.valueOf(3))),
                            new Amount(ETH, FIVE_ETH.add(BigInteger.valueOf(3))), new Amount(ETH, BigInteger.ZERO), 2, 100, 101),
                    new EthAddressInfo.AssetTotals(new Amount(TOKEN, HUGE.negate()), new Amount(TOKEN, BigInteger.ZERO),
                            new Amount(TOKEN, HUGE), 1, 100, 100));
            assertThat(b.firstSeenHeight()).isEqualTo(100);
            assertThat(b.lastSeenHeight()).isEqualTo(101);
            assertThat(b.transferCount()).isEqualTo(3);
            assertThat(b.latest()).containsExactly(block101(0).transfers().get(0), block100().transfers().get(1));
            assertThat(s.ethereum().address(K, 0).orElseThrow().createdBy()).contains(new ContractCreation(TX2, 1, A, K));
            assertThat(s.ethereum().address(eth('9'), 5)).isEmpty();
            assertThat(s.ethereum().transferCount()).isEqualTo(7);
        }
    }

    @Test
    void forEachTransfer_fromHeight_chainOrderWithDenseIds() {
        try (ChainStore s = MemoryChainStore.create()) {
            s.ethereum().applyBlock(block100());
            s.ethereum().applyBlock(block101(0));
            List<String> seen = new java.util.ArrayList<>();

            s.ethereum().forEachTransfer(101, (seq, h, txIndex, kind, from, to, asset, amount) ->
                    seen.add(seq + " " + h + " " + txIndex + " " + kind + " " + s.ethereum().addressById(from).orElseThrow().value()
                            + " " + s.ethereum().addressById(to).orElseThrow().value() + " "
                            + s.ethereum().assetById(asset).orElseThrow().symbol() + " " + amount));
            long[] all = {0};
            s.ethereum().forEachTransfer(0, (seq, h, txIndex, kind, from, to, asset, amount) -> ++all[0] < 3);

            assertThat(seen).containsExactly("5 101 0 INTERNAL " + K.value() + " " + B.value() + " ETH 3",
                    "6 101 0 ERC721 " + C.value() + " " + A.value() + " ERC721 1");
            assertThat(all[0]).isEqualTo(3);
            assertThat(s.ethereum().transfer(6)).contains(block101(0).transfers().get(1));
            assertThat(s.ethereum().transfer(0)).contains(block100().transfers().get(0));
            assertThat(s.ethereum().transfer(7)).isEmpty();
            assertThat(s.ethereum().transfer(-1)).isEmpty();
            assertThat(s.ethereum().addressById(99)).isEmpty();
            assertThat(s.ethereum().assetById(9)).isEmpty();
        }
    }

    @Test
    void tx_transfersInPositionOrderAndCreations() {
        try (ChainStore s = MemoryChainStore.create()) {
            s.ethereum().applyBlock(block100());

            EthTxInfo tx1 = s.ethereum().tx(TX1).orElseThrow();
            assertThat(tx1.transfers()).isEqualTo(block100().transfers().subList(0, 4));
            assertThat(tx1.blockHash()).isEqualTo(hash(100));
            assertThat(tx1.creations()).isEmpty();
            EthTxInfo tx2 = s.ethereum().tx(TX2).orElseThrow();
            assertThat(tx2.index()).isEqualTo(1);
            assertThat(tx2.creations()).containsExactly(new ContractCreation(TX2, 1, A, K));
            EthBlockInfo blk = s.ethereum().block(hash(100)).orElseThrow();
            assertThat(blk.transferCount()).isEqualTo(5);
            assertThat(blk.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
            assertThat(blk.miner()).isEqualTo(MINER);
            assertThat(s.ethereum().tx(TX3)).isEmpty();
        }
    }

    @Test
    void bridgeDeposits_byTransactionAndHeightRange() {
        try (ChainStore s = MemoryChainStore.create()) {
            s.ethereum().applyBlock(block100());
            s.ethereum().applyBlock(block101(0));

            assertThat(s.ethereum().bridgeDeposits(TX1)).containsExactly(D1, D2);
            assertThat(s.ethereum().bridgeDeposits(TX2)).isEmpty();
            assertThat(s.ethereum().bridgeDeposits(TX3)).containsExactly(D3);
            assertThat(s.ethereum().bridgeDeposits(txid(9))).isEmpty();
            assertThat(s.ethereum().bridgeDeposits(0, 1000)).containsExactly(D1, D2, D3);
            assertThat(s.ethereum().bridgeDeposits(101, 101)).containsExactly(D3);
            assertThat(s.ethereum().bridgeDeposits(100, 100)).containsExactly(D1, D2);
            assertThat(s.ethereum().bridgeDeposits(101, 100)).isEmpty();
        }
    }

    @Test
    void bridgeDeposits_rollbackRemovesThemWithTheirBlock() {
        try (ChainStore s = MemoryChainStore.create()) {
            s.ethereum().applyBlock(block100());
            s.ethereum().applyBlock(block101(0));

            s.ethereum().rollbackTo(100);

            assertThat(s.ethereum().bridgeDeposits(0, 1000)).containsExactly(D1, D2);
            s.ethereum().applyBlock(block101(1));
            assertThat(s.ethereum().bridgeDeposits(TX3)).isEmpty();
            s.ethereum().rollbackTo(-1);
            assertThat(s.ethereum().bridgeDeposits(0, 1000)).isEmpty();
        }
    }

    @Test
    void bridgeDeposits_rocksReopen_sameRecords(@TempDir Path dir) {
        try (ChainStore s = RocksChainStore.open(dir, 8 << 20)) {
            s.ethereum().applyBlock(block100());
        }
        try (ChainStore s = RocksChainStore.open(dir, 8 << 20)) {
            assertThat(s.ethereum().bridgeDeposits(TX1)).containsExactly(D1, D2);
        }
    }

    @Test
    void rollbackTo_leavesExactlyTheBytesOfTheShorterChain() {
        try (ChainStore shorter = MemoryChainStore.create(); ChainStore rolled = MemoryChainStore.create()) {
            shorter.ethereum().applyBlock(block100());
            rolled.ethereum().applyBlock(block100());
            rolled.ethereum().applyBlock(block101(0));

            rolled.ethereum().rollbackTo(100);

            assertThat(rolled.contentDigest()).isEqualTo(shorter.contentDigest());
            assertThat(rolled.ethereum().tx(TX3)).isEmpty();
            rolled.ethereum().applyBlock(block101(1));
            assertThat(rolled.ethereum().block(101).orElseThrow().hash()).isEqualTo(hash(201));
            assertThat(rolled.ethereum().tx(TX3).orElseThrow().transfers().get(1).amount().asset()).isEqualTo(NFT);
        }
    }

    @Test
    void contentDigest_bitcoinOnlyStoreUnchangedByEthereumColumns() {
        try (ChainStore s = MemoryChainStore.create(); ChainStore e = MemoryChainStore.create()) {
            e.ethereum().applyBlock(block100());
            e.ethereum().rollbackTo(-1);
            assertThat(e.contentDigest()).isEqualTo(s.contentDigest());
            assertThat(e.ethereum().checkpoint()).isEmpty();
        }
    }

    @Test
    void address_bitcoinAddress_usage() {
        try (ChainStore s = MemoryChainStore.create()) {
            assertThatThrownBy(() -> s.ethereum().address(Fixtures.btc("1A"), 1)).isInstanceOf(StoreException.class)
                    .hasMessage("not an Ethereum address: 1A");
        }
    }
}
