package dev.cordon.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.DecodeException;
import dev.cordon.core.Hex;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Base58Test {
    @Test
    void encode_knownValues() {
        assertThat(Base58.encode("Hello World".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("JxF12TrwUP45BMd");
        assertThat(Base58.encode(new byte[] {0, 0, 1})).isEqualTo("112");
        assertThat(Base58.encode(new byte[0])).isEmpty();
    }

    @Test
    void encodeChecked_genesisKeyHash_isSatoshisAddress() {
        byte[] hash = Hex.decode("62e907b15cbf27d5425399ebf6f0fb50ebb88f18", "hash");
        assertThat(Base58.encodeChecked(0, hash, 0, 20)).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    }

    @Test
    void decode_roundTripsRandomBytesWithLeadingZeros() {
        SplittableRandom rnd = new SplittableRandom(58);
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[rnd.nextInt(40)];
            rnd.nextBytes(b);
            for (int z = 0; z < b.length && z < rnd.nextInt(4); z++) {
                b[z] = 0;
            }
            assertThat(Base58.decode(Base58.encode(b))).isEqualTo(b);
        }
    }

    @Test
    void decodeChecked_badCharacter_namesPosition() {
        assertThatThrownBy(() -> Base58.decodeChecked("1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("'0' at position 32");
    }

    @Test
    void decodeChecked_flippedCharacter_failsChecksum() {
        assertThatThrownBy(() -> Base58.decodeChecked("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("checksum");
    }

    @Test
    void decode_tooLong_isRefused() {
        assertThatThrownBy(() -> Base58.decode("2".repeat(Base58.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(DecodeException.class);
    }
}
