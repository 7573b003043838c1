package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.DecodeException;
import dev.cordon.core.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** BIP173 and BIP350 test vectors, from {@code bips/bech32_vectors.txt}. */
class Bech32Test {
    record Vector(String kind, String text, String extra) {
    }

    static List<Vector> vectors(String kind) {
        List<Vector> out = new ArrayList<>();
        String all = new String(TestData.bytes("bips/bech32_vectors.txt"), StandardCharsets.UTF_8);
        for (String line : all.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f[0].equals(kind)) {
                out.add(new Vector(f[0], unescape(f[1]), f.length > 2 ? f[2] : ""));
            }
        }
        assertThat(out).as(kind).isNotEmpty();
        return out;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\x", i)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    @Test
    void decode_validBech32Strings() {
        for (Vector v : vectors("VALID_BECH32")) {
            Bech32.Decoded d = Bech32.decode(v.text());
            assertThat(d.encoding()).as(v.text()).isEqualTo(Bech32.Encoding.BECH32);
            assertThat(Bech32.encode(d.hrp(), d.values(), d.encoding())).isEqualTo(v.text().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void decode_validBech32mStrings() {
        for (Vector v : vectors("VALID_BECH32M")) {
            Bech32.Decoded d = Bech32.decode(v.text());
            assertThat(d.encoding()).as(v.text()).isEqualTo(Bech32.Encoding.BECH32M);
            assertThat(Bech32.encode(d.hrp(), d.values(), d.encoding())).isEqualTo(v.text().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void decode_invalidStrings_throwDecodeException() {
        for (Vector v : vectors("INVALID")) {
            assertThatThrownBy(() -> Bech32.decode(v.text())).as(v.extra()).isInstanceOf(DecodeException.class);
        }
    }

    @Test
    void decodeSegwit_validAddresses_giveTheirScriptPubKey() {
        for (Vector v : vectors("VALID_ADDRESS")) {
            String hrp = v.text().toLowerCase(Locale.ROOT).startsWith("bc1") ? "bc" : "tb";
            Bech32.WitnessProgram w = Bech32.decodeSegwit(hrp, v.text());
            byte[] program = w.program();
            String script = Hex.encode(new byte[] {(byte) (w.version() == 0 ? 0 : 0x50 + w.version()), (byte) program.length})
                    + Hex.encode(program);
            assertThat(script).as(v.text()).isEqualTo(v.extra());
            assertThat(Bech32.encodeSegwit(hrp, w.version(), program, 0, program.length))
                    .isEqualTo(v.text().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void decodeSegwit_invalidAddresses_throwDecodeException() {
        for (Vector v : vectors("INVALID_ADDRESS")) {
            assertThatThrownBy(() -> Bech32.decodeSegwit("bc", v.text())).as(v.text() + ": " + v.extra())
                    .isInstanceOf(DecodeException.class);
            assertThatThrownBy(() -> Bech32.decodeSegwit("tb", v.text())).as(v.text() + ": " + v.extra())
                    .isInstanceOf(DecodeException.class);
        }
    }

    @Test
    void decodeSegwit_wrongVariant_namesBip350() {
        assertThatThrownBy(() -> Bech32.decodeSegwit("bc", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"))
                .hasMessageContaining("requires BECH32").hasMessageContaining("BIP350");
    }
}
