package dev.cordon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void decode_acceptsPrefixAndEitherCase() {
        assertThat(Hex.decode("0xDEadbe", "data")).containsExactly(0xde, 0xad, 0xbe);
        assertThat(Hex.encode(new byte[] {0x00, 0x7f, (byte) 0x80, (byte) 0xff})).isEqualTo("007f80ff");
    }

    @Test
    void decode_oddLength_namesField() {
        assertThatThrownBy(() -> Hex.decode("abc", "data"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("data: hex has an odd number of digits (3)");
    }

    @Test
    void decode_badDigit_namesPosition() {
        assertThatThrownBy(() -> Hex.decode("0x00zz", "calldata"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("calldata: not a hex digit 'z' at character 4");
    }

    @Test
    void encodeReversed_isBitcoinDisplayOrder() {
        assertThat(Hex.encodeReversed(new byte[] {1, 2, 3})).isEqualTo("030201");
    }
}
