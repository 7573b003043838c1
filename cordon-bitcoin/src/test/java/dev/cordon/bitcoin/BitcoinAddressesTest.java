package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BitcoinAddressesTest {
    @Test
    void parse_legacyDataset_allValidAndCanonical() {
        String all = new String(TestData.bytes("bitcoinj/LegacyAddressTestDataset.txt"), StandardCharsets.US_ASCII);
        int n = 0;
        for (String line : all.split("\n")) {
            for (String a : line.trim().split(",")) {
                assertThat(BitcoinAddresses.parse(a).value()).isEqualTo(a);
                n++;
            }
        }
        assertThat(n).isEqualTo(64);
    }

    @Test
    void parse_legacyDataset_anySubstitutionIsRejected() {
        String all = new String(TestData.bytes("bitcoinj/LegacyAddressTestDataset.txt"), StandardCharsets.US_ASCII);
        for (String line : all.split("\n")) {
            String a = line.trim().split(",")[0];
            for (int i = 1; i < a.length(); i++) {
                char c = a.charAt(i) == 'z' ? 'y' : 'z';
                String bad = a.substring(0, i) + c + a.substring(i + 1);
                assertThatThrownBy(() -> BitcoinAddresses.parse(bad)).isInstanceOf(CordonException.class)
                        .extracting(e -> ((CordonException) e).code()).isEqualTo(ErrorCode.USAGE);
            }
        }
    }

    @Test
    void parse_badChecksum_isUsageErrorNamingTheAddress() {
        assertThatThrownBy(() -> BitcoinAddresses.parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"))
                .isInstanceOf(CordonException.class)
                .hasMessage("invalid mainnet bitcoin address '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb': checksum mismatch")
                .extracting(e -> ((CordonException) e).code()).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void parse_bech32Uppercase_isNormalisedToLowercase() {
        Address a = BitcoinAddresses.parse("  BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4 ");
        assertThat(a).isEqualTo(new Address(Chain.BITCOIN, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
    }

    @Test
    void parse_mixedCase_isRejected() {
        assertThatThrownBy(() -> BitcoinAddresses.parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8F3t4"))
                .hasMessageContaining("mixed");
    }

    @Test
    void parse_testnetAddressOnMainnet_saysWhichNetworkItIs() {
        assertThatThrownBy(() -> BitcoinAddresses.parse("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn"))
                .hasMessageContaining("it is a testnet address");
        assertThat(BitcoinAddresses.parse("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", BitcoinNetwork.TESTNET).value())
                .isEqualTo("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn");
    }

    @Test
    void parse_regtestBech32() {
        byte[] program = new byte[20];
        String a = BitcoinAddresses.segwit(0, program, 0, 20, BitcoinNetwork.REGTEST);
        assertThat(a).startsWith("bcrt1q");
        assertThat(BitcoinAddresses.parse(a, BitcoinNetwork.REGTEST).value()).isEqualTo(a);
        assertThatThrownBy(() -> BitcoinAddresses.parse(a)).isInstanceOf(CordonException.class);
    }

    @Test
    void parse_p2sh() {
        assertThat(BitcoinAddresses.parse("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy").value())
                .isEqualTo("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy");
    }

    /** Every scriptPubKey of rust-bitcoin's bip341_tests.json gives its BIP350 address, both ways. */
    @Test
    void classify_bip341ScriptPubKeys_giveBip350Addresses() throws IOException {
        JsonNode root = new ObjectMapper().readTree(TestData.bytes("rust-bitcoin/bip341_tests.json"));
        ScriptClassifier classifier = new ScriptClassifier(BitcoinNetwork.MAINNET);
        int n = 0;
        for (JsonNode v : root.get("scriptPubKey")) {
            byte[] script = Hex.decode(v.get("expected").get("scriptPubKey").asText(), "scriptPubKey");
            String expected = v.get("expected").get("bip350Address").asText();
            TxOut out = classifier.classify(1, script, 0, script.length);
            assertThat(out.kind()).isEqualTo(ScriptKind.P2TR);
            assertThat(out.address()).contains(new Address(Chain.BITCOIN, expected));
            assertThat(BitcoinAddresses.parse(expected).value()).isEqualTo(expected);
            n++;
        }
        assertThat(n).isEqualTo(7);
    }
}
