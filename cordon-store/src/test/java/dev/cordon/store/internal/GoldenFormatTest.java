package dev.cordon.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Chain;
import dev.cordon.core.Hex;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.Fixtures;
import dev.cordon.store.SmallChain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes of format {@value FormatCodec#CURRENT}: each codec's encoding of a fixed
 * sample, each column's key layout, and the digest of a whole store holding {@link SmallChain}.
 * A failure here means the on-disk format changed: bump {@link FormatCodec#CURRENT} and add a
 * new golden file; never edit a released one.
 */
class GoldenFormatTest {
    private static final String GOLDEN = "golden-format-2.properties";

    private static Map<String, String> actual() {
        SmallChain c = new SmallChain();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("column.ids", columnIds());
        m.put("format", Hex.encode(FormatCodec.encode(2)));
        m.put("checkpoint", Hex.encode(new CheckpointCodec(2, c.b2.hash(), 6, 5).encode()));
        m.put("block", Hex.encode(new BlockCodec(c.b1.hash(), c.b0.hash(), 1_600_000_600L, 885, 3, 1, 15, 13_000).encode()));
        m.put("summary", Hex.encode(new SummaryCodec(10_100, 10_100, 0, 2, 1, 2, "1B").encode()));
        byte[] tx = TxCodec.header(c.t2a.txid(), 2, 1, false, 278, 238, 2, 1);
        TxCodec.putInput(tx, 0, 2, 1, 0, 1990);
        TxCodec.putInput(tx, 1, 3, 1, -1, 495);
        TxCodec.putOutput(tx, 2, 0, 4, 2400, ScriptKind.P2PKH);
        TxCodec.putFee(tx, 85);
        m.put("tx", Hex.encode(tx));
        m.put("history", Hex.encode(FixedCodecs.history(1, 1990, 5000)));
        m.put("spends", Hex.encode(FixedCodecs.spends(5, 1)));
        m.put("key.checkpoint", Hex.encode(Keys.checkpoint(Chain.BITCOIN)));
        m.put("key.height", Hex.encode(Keys.height(Chain.ETHEREUM, 258)));
        m.put("key.hash", Hex.encode(Keys.hash(Chain.BITCOIN, c.b0.hash())));
        m.put("key.txNum", Hex.encode(Keys.txNum(Chain.BITCOIN, 1L << 33)));
        m.put("key.addressText", Hex.encode(Keys.addressText(Fixtures.btc("1A"))));
        m.put("key.addressId", Hex.encode(Keys.addressId(Chain.BITCOIN, 70_000)));
        m.put("key.summary", Hex.encode(Keys.summary(Chain.BITCOIN, 4, 0)));
        m.put("key.history", Hex.encode(Keys.history(Chain.BITCOIN, 4, 5)));
        m.put("key.output", Hex.encode(Keys.output(Chain.BITCOIN, 3, 1)));
        m.put("store.digest.smallChain", smallChainDigest(c));
        return m;
    }

    private static String columnIds() {
        StringBuilder sb = new StringBuilder();
        for (Column col : Column.values()) {
            if (col.id() >= Column.FIRST_ACCOUNT_ID) {
                continue; // pinned by EthGoldenFormatTest
            }
            sb.append(sb.length() == 0 ? "" : ",").append(col.name()).append(':').append(col.id());
        }
        return sb.toString();
    }

    private static String smallChainDigest(SmallChain c) {
        try (ChainStore s = KvChainStore.open(new MemoryKeyValueStore(), "memory", CacheSizes.SMALL)) {
            BlockIngestor in = new BlockIngestor(s, 0);
            c.blocks().forEach(in::accept);
            return s.contentDigest();
        }
    }

    @Test
    void format2_bytesMatchGoldenFile() throws IOException {
        Properties golden = new Properties();
        try (InputStream in = GoldenFormatTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            golden.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> actual = actual();
        StringBuilder expectedFile = new StringBuilder();
        actual.forEach((k, v) -> expectedFile.append(k).append('=').append(v).append('\n'));
        for (Map.Entry<String, String> e : actual.entrySet()) {
            assertThat(e.getValue()).as(e.getKey() + " (the current bytes are:\n" + expectedFile + ")")
                    .isEqualTo(golden.getProperty(e.getKey()));
        }
        assertThat(golden.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(actual.keySet());
    }
}
