package dev.cordon.intel.crosschain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.CordonException;
import dev.cordon.intel.crosschain.ThorchainMemo.Outbound;
import dev.cordon.intel.crosschain.ThorchainMemo.Swap;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThorchainMemoTest {
    static final String HASH = "7d6cbc3e4b5b5f0d6a5e0f2ab7c9d7e1b3a8c4d2e6f7a9b0c1d2e3f4a5b6c7d8";

    @Test
    void parse_longSwapToEthToken_decodesChainAssetAndDestination() {
        Swap s = (Swap) ThorchainMemo.parse(
                "SWAP:ETH.USDT-0xdAC17F958D2ee523a2206206994597C13D831ec7:0x742d35Cc6634C0532925a3b844Bc454e4438f44e:1000000")
                .orElseThrow();
        assertThat(s).isEqualTo(new Swap("ETH", "ETH.USDT-0XDAC17F958D2EE523A2206206994597C13D831EC7",
                "0x742d35Cc6634C0532925a3b844Bc454e4438f44e", Optional.of("1000000")));
    }

    @Test
    void parse_shortForms_expandTheAsset() {
        assertThat(ThorchainMemo.parse("=:e:0xabc:0/1/0:t:30").orElseThrow())
                .isEqualTo(new Swap("ETH", "ETH.ETH", "0xabc", Optional.of("0/1/0")));
        assertThat(ThorchainMemo.parse("s:BTC:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh").orElseThrow())
                .isEqualTo(new Swap("BTC", "BTC.BTC", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", Optional.empty()));
        assertThat(((Swap) ThorchainMemo.parse("=:ETH/ETH:0xabc").orElseThrow()).chain()).isEqualTo("ETH");
        assertThat(((Swap) ThorchainMemo.parse("=:r:thor1kzpfhzvakahg4x0fvr5fzfn8s4ku3cjttyseec").orElseThrow()).asset())
                .isEqualTo("THOR.RUNE");
    }

    @Test
    void parse_outAndRefund_normaliseTheHash() {
        assertThat(ThorchainMemo.parse("OUT:" + HASH.toUpperCase()).orElseThrow()).isEqualTo(new Outbound(HASH, false));
        assertThat(ThorchainMemo.parse("REFUND:0x" + HASH).orElseThrow()).isEqualTo(new Outbound(HASH, true));
    }

    @Test
    void parse_otherTextOrActions_isEmpty() {
        assertThat(ThorchainMemo.parse("hello world")).isEmpty();
        assertThat(ThorchainMemo.parse("+:BTC.BTC:thor1abc")).isEmpty();
        assertThat(ThorchainMemo.parse("")).isEmpty();
    }

    @Test
    void parse_malformed_saysWhy() {
        assertThatThrownBy(() -> ThorchainMemo.parse("=:ETH.ETH")).isInstanceOf(CordonException.class)
                .hasMessage("THORChain memo '=:ETH.ETH': swap without a destination address");
        assertThatThrownBy(() -> ThorchainMemo.parse("OUT:1234")).hasMessage("THORChain memo 'OUT:1234': inbound transaction hash is not 64 hex digits");
        assertThatThrownBy(() -> ThorchainMemo.parse("=:.ETH:0xabc")).hasMessageContaining("lacks a chain or a symbol");
    }

    /** Random and mutated memos: parse returns a memo, returns empty, or throws CordonException; nothing else. */
    @Test
    void parse_fuzzed_onlyThrowsCordonException() {
        long seed = System.nanoTime();
        System.out.println("ThorchainMemoTest fuzz seed=" + seed);
        Random r = new Random(seed);
        String[] corpus = {"=:e:0xabc:0/1/0:t:30", "SWAP:ETH.USDT-0xdac1:0x742d:100", "OUT:" + HASH, "s:b:bc1qxy", "REFUND:" + HASH};
        int decoded = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = i % 2 == 0 ? mutate(corpus[r.nextInt(corpus.length)], r) : random(r);
            try {
                if (ThorchainMemo.parse(text).isPresent()) {
                    decoded++;
                }
            } catch (CordonException e) {
                assertThat(e.getMessage()).startsWith("THORChain memo '").doesNotContain("\n");
            }
        }
        assertThat(decoded).isPositive();
    }

    private static String mutate(String s, Random r) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? r.nextInt(256) : ":./=~-0x".charAt(r.nextInt(8)));
        }
        String t = new String(b, StandardCharsets.ISO_8859_1);
        return r.nextInt(10) == 0 ? t.substring(0, r.nextInt(t.length() + 1)) : t;
    }

    private static String random(Random r) {
        char[] c = new char[r.nextInt(300)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) (r.nextInt(4) == 0 ? ":=./~".charAt(r.nextInt(5)) : r.nextInt(0x3000));
        }
        return new String(c);
    }
}
