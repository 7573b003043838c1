package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Hex;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptClassifierTest {
    private static final String KEY33 = "02" + "11".repeat(32);
    private static final String KEY33B = "03" + "22".repeat(32);
    private final ScriptClassifier mainnet = new ScriptClassifier(BitcoinNetwork.MAINNET);

    private TxOut classify(String hex) {
        byte[] s = Hex.decode(hex, "script");
        return mainnet.classify(7, s, 0, s.length);
    }

    @ParameterizedTest
    @CsvSource({
        "76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac, P2PKH, 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "a914b472a266d0bd89c13706a4132ccfb16f7c3b9fcb87, P2SH, 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        "0014751e76e8199196d454941c45d1b3a323f1433bd6, P2WPKH, bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262, P2WSH, "
                + "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
        "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798, P2TR, "
                + "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        "6002751e, WITNESS_UNKNOWN, bc1sw50qgdz25j",
        "5210751e76e8199196d454941c45d1b3a323, WITNESS_UNKNOWN, bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
    })
    void classify_addressedKinds(String script, ScriptKind kind, String address) {
        TxOut out = classify(script);
        assertThat(out.kind()).isEqualTo(kind);
        assertThat(out.address().orElseThrow().value()).isEqualTo(address);
        assertThat(out.dataHex()).isEmpty();
        assertThat(out.value()).isEqualTo(7);
    }

    @Test
    void classify_genesisPubKey_isP2pkShownAsP2pkh() {
        TxOut out = classify("4104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac");
        assertThat(out.kind()).isEqualTo(ScriptKind.P2PK);
        assertThat(out.address().orElseThrow().value()).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    }

    @Test
    void classify_bareMultisig_keepsScript() {
        String script = "52" + "21" + KEY33 + "21" + KEY33B + "52ae";
        TxOut out = classify(script);
        assertThat(out.kind()).isEqualTo(ScriptKind.MULTISIG);
        assertThat(out.address()).isEmpty();
        assertThat(out.dataHex()).isEqualTo(script);
        assertThat(classify("53" + "21" + KEY33 + "21" + KEY33B + "52ae").kind()).isEqualTo(ScriptKind.NONSTANDARD);
    }

    @Test
    void classify_opReturn_concatenatesPushes() {
        assertThat(classify("6a0401020304").dataHex()).isEqualTo("01020304");
        assertThat(classify("6a4c03aabbcc02ddee").dataHex()).isEqualTo("aabbccddee");
        assertThat(classify("6a").dataHex()).isEmpty();
        assertThat(classify("6a0051").dataHex()).isEqualTo("01");
        assertThat(classify("6a0401020304").kind()).isEqualTo(ScriptKind.OP_RETURN);
    }

    @Test
    void classify_opReturnWithNonPush_isNonstandardLikeCore() {
        TxOut out = classify("6a76");
        assertThat(out.kind()).isEqualTo(ScriptKind.NONSTANDARD);
        assertThat(out.dataHex()).isEqualTo("6a76");
        assertThat(classify("6a05aabb").kind()).isEqualTo(ScriptKind.NONSTANDARD);
    }

    @Test
    void classify_oddScripts_areNonstandard() {
        assertThat(classify("").kind()).isEqualTo(ScriptKind.NONSTANDARD);
        assertThat(classify("0015" + "00".repeat(21)).kind()).isEqualTo(ScriptKind.NONSTANDARD);
        assertThat(classify("21" + "05" + "11".repeat(32) + "ac").kind()).isEqualTo(ScriptKind.NONSTANDARD);
        assertThat(classify("ac").dataHex()).isEqualTo("ac");
    }

    @Test
    void classify_testnet_usesTestnetPrefixes() {
        ScriptClassifier testnet = new ScriptClassifier(BitcoinNetwork.TESTNET);
        byte[] p2pkh = Hex.decode("76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac", "s");
        assertThat(testnet.classify(1, p2pkh, 0, p2pkh.length).address().orElseThrow().value()).startsWith("m");
        byte[] p2wpkh = Hex.decode("0014751e76e8199196d454941c45d1b3a323f1433bd6", "s");
        assertThat(new ScriptClassifier(BitcoinNetwork.REGTEST).classify(1, p2wpkh, 0, 22).address().orElseThrow().value())
                .startsWith("bcrt1q");
    }
}
