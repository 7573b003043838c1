package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.Hex;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes of the Ethereum columns added within format 2 (ids 12 to 24): the column ids,
 * each codec's encoding of a fixed sample and each key layout. A failure means the on-disk
 * layout changed: bump the codec version or the format and add a new golden file; never edit a
 * released one. Stores of an earlier released layout ({@code golden-ethereum-1}) are refused.
 */
class EthGoldenFormatTest {
    private static final String GOLDEN = "golden-ethereum-2.properties";
    private static final String LAYOUT_1 = "golden-ethereum-1.properties";
    /** Bridge deposits (column 25), added to layout 2 after its release. */
    private static final String DEPOSITS = "golden-ethereum-2-deposits.properties";
    /** The last column of layout 2 as released; later additive columns have golden files of their own. */
    private static final int LAST_LAYOUT_2_ID = 24;
    private static final Address USDT = new Address(Chain.ETHEREUM, "0xdac17f958d2ee523a2206206994597c13d831ec7");
    private static final Address BYBIT = new Address(Chain.ETHEREUM, "0x1db92e2eebc8e0c075a02bea49a2935bcd2dfcf4");
    private static final BlockHash H = BlockHash.parse("88e96d4537bea4d9c05d12549907b32561d3bf31f45aae734cdc119f13406cb6");
    private static final TxId TX = TxId.parse("5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060");

    private static Map<String, String> actual() {
        Map<String, String> m = new LinkedHashMap<>();
        StringBuilder ids = new StringBuilder();
        for (Column c : Column.values()) {
            if (c.id() >= Column.FIRST_ACCOUNT_ID && c.id() <= LAST_LAYOUT_2_ID) {
                ids.append(ids.length() == 0 ? "" : ",").append(c.name()).append(':').append(c.id());
            }
        }
        m.put("column.ids", ids.toString());
        m.put("checkpoint", Hex.encode(new EthCodecs.Checkpoint(1, 2, H, 9, 4, 2).encode()));
        m.put("block", Hex.encode(new EthCodecs.Block(H, BlockHash.ZERO, 1_438_269_988L, BYBIT, 3, 7, 11, 1).encode()));
        m.put("tx", Hex.encode(new EthCodecs.Tx(46_147, 2, 1L << 33, 4).encode()));
        m.put("transfer.erc20", Hex.encode(new EthCodecs.Transfer(21_895_251, 5, 3, TransferKind.ERC20, 7, 70_000, 1, TX,
                BigInteger.TWO.pow(255), Optional.empty()).encode()));
        m.put("transfer.erc721", Hex.encode(new EthCodecs.Transfer(1, 0, 0, TransferKind.ERC721, 0, 1, 2, TX,
                BigInteger.ONE, Optional.of(BigInteger.valueOf(255))).encode()));
        m.put("balance", Hex.encode(new EthCodecs.Balance(BigInteger.valueOf(-5), BigInteger.TEN, new BigInteger("15"), 3, 46_147,
                46_200).encode()));
        m.put("asset", Hex.encode(new EthCodecs.Asset(0, USDT, "ERC20").encode()));
        m.put("creation", Hex.encode(new EthCodecs.Creation(USDT, BYBIT, TX).encode()));
        m.put("undo", Hex.encode(new EthUndo(9, 4, 2, List.of(new EthUndo.Prior(1, 0, null),
                new EthUndo.Prior(2, 1, new byte[] {1, 2}))).encode()));
        m.put("history", Hex.encode(history()));
        m.put("key.checkpoint", Hex.encode(EthKeys.checkpoint()));
        m.put("key.height", Hex.encode(EthKeys.height(258)));
        m.put("key.hash32", Hex.encode(EthKeys.hash32(H.bytes())));
        m.put("key.address", Hex.encode(EthKeys.address(EthCodecs.a20(USDT))));
        m.put("key.id", Hex.encode(EthKeys.id(70_000)));
        m.put("key.history", Hex.encode(EthKeys.history(4, 5)));
        m.put("key.balance", Hex.encode(EthKeys.balance(4, 1)));
        m.put("key.asset", Hex.encode(EthKeys.asset(EthCodecs.a20(USDT), "ERC20")));
        m.put("key.creation", Hex.encode(EthKeys.creation(46_147, 2, 0)));
        return m;
    }

    private static Map<String, String> deposits() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("column.id", Column.ETH_BRIDGE_DEPOSITS.name() + ":" + Column.ETH_BRIDGE_DEPOSITS.id());
        m.put("deposit.ether", Hex.encode(new EthCodecs.Deposit(TX, BYBIT, USDT, new Address(Chain.ETHEREUM,
                "0x0000000000000000000000000000000000000000"), new BigInteger("1500000000000000000"),
                "SWAP:BTC.BTC:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").encode()));
        m.put("deposit.emptyMemo", Hex.encode(new EthCodecs.Deposit(TX, BYBIT, USDT, USDT, BigInteger.ZERO, "").encode()));
        m.put("key.deposit", Hex.encode(EthKeys.deposit(46_147, 2, 7)));
        return m;
    }

    /** One transaction's history value: address 4 sends transfers 0 and 2 and sends to itself in 300. */
    private static byte[] history() {
        MemoryKeyValueStore kv = new MemoryKeyValueStore();
        try (KeyValueStore.Batch batch = kv.newBatch()) {
            EthHistory h = new EthHistory();
            h.add(4, 2, EthHistory.SENT);
            h.add(5, 0, EthHistory.RECEIVED);
            h.add(4, 0, EthHistory.SENT);
            h.add(4, 300, EthHistory.SENT);
            h.add(4, 300, EthHistory.RECEIVED);
            h.flush(batch, 5);
            kv.commit(batch);
        }
        return kv.get(Column.ETH_ADDRESS_HISTORY, EthKeys.history(4, 5)).orElseThrow();
    }

    private static Properties load(String name, String expectedFile) throws IOException {
        Properties golden = new Properties();
        try (InputStream in = EthGoldenFormatTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " (the current bytes are:\n" + expectedFile + ")").isNotNull();
            golden.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return golden;
    }

    /** Asserts that the golden file {@code name} holds exactly {@code actual}. */
    private static void assertGolden(String name, Map<String, String> actual) throws IOException {
        StringBuilder expectedFile = new StringBuilder();
        actual.forEach((k, v) -> expectedFile.append(k).append('=').append(v).append('\n'));
        Properties golden = load(name, expectedFile.toString());
        for (Map.Entry<String, String> e : actual.entrySet()) {
            assertThat(e.getValue()).as(e.getKey() + " (the current bytes are:\n" + expectedFile + ")")
                    .isEqualTo(golden.getProperty(e.getKey()));
        }
        assertThat(golden.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(actual.keySet());
    }

    @Test
    void ethereum2_bytesMatchGoldenFile() throws IOException {
        assertGolden(GOLDEN, actual());
    }

    @Test
    void deposits_bytesMatchGoldenFile() throws IOException {
        assertGolden(DEPOSITS, deposits());
        EthCodecs.Deposit d = new EthCodecs.Deposit(TX, BYBIT, USDT, USDT, BigInteger.TWO.pow(255), "t\u00e9");
        assertThat(EthCodecs.Deposit.decode(d.encode())).isEqualTo(d);
        assertThatThrownBy(() -> EthCodecs.Deposit.decode(new byte[] {2, 1})).isInstanceOf(StoreException.class)
                .hasMessage("a ETH_BRIDGE_DEPOSITS record is 2 bytes, expected at least 95");
    }

    @Test
    void open_layout1Checkpoint_refusedNamingBothLayouts() throws IOException {
        MemoryKeyValueStore kv = new MemoryKeyValueStore();
        try (KeyValueStore.Batch batch = kv.newBatch()) {
            batch.put(Column.META, EthKeys.checkpoint(), Hex.decode(load(LAYOUT_1, "").getProperty("checkpoint"), "golden"));
            kv.commit(batch);
        }
        assertThatThrownBy(() -> new KvEthereumStore(kv, "/data/s"))
                .isInstanceOf(StoreException.class)
                .hasMessage("store at /data/s holds Ethereum data of layout 1; this build reads Ethereum layout 2 only:"
                        + " re-ingest Ethereum into a new store, or use the cordon version that wrote it");
    }

    @Test
    void history_seqs_decodesGoldenValue() {
        assertThat(EthHistory.seqs(5, history())).containsExactly(5, 7, 305);
        assertThatThrownBy(() -> EthHistory.seqs(5, new byte[] {(byte) 0x81}))
                .isInstanceOf(StoreException.class).hasMessageContaining("1 bytes is malformed");
        assertThatThrownBy(() -> EthHistory.seqs(5, new byte[0])).isInstanceOf(StoreException.class);
    }

    @Test
    void decode_roundTripsEveryCodec() {
        EthCodecs.Transfer t = new EthCodecs.Transfer(1, 0, 0, TransferKind.ERC721, 0, 1, 2, TX, BigInteger.ONE,
                Optional.of(BigInteger.valueOf(255)));
        assertThat(EthCodecs.Transfer.decode(t.encode())).isEqualTo(t);
        EthCodecs.Balance b = new EthCodecs.Balance(BigInteger.TWO.pow(256).negate(), BigInteger.TEN, BigInteger.ZERO, 3, 1, 2);
        assertThat(EthCodecs.Balance.decode(b.encode())).isEqualTo(b);
        EthUndo u = EthUndo.decode(new EthUndo(9, 4, 2, List.of(new EthUndo.Prior(2, 1, new byte[] {1, 2}))).encode());
        assertThat(u.priors().get(0).value()).containsExactly(1, 2);
        assertThat(EthCodecs.Checkpoint.decode(new EthCodecs.Checkpoint(1, 2, H, 9, 4, 2).encode()).tipHash()).isEqualTo(H);
    }
}
