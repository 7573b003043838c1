package dev.cordon.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import org.junit.jupiter.api.Test;

class EthAddressesTest {
    @Test
    void parse_eip55Vectors_roundTrip() {
        // Test vectors of EIP-55.
        for (String a : new String[] {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
            assertThat(EthAddresses.checksummed(EthAddresses.parse(a))).isEqualTo(a);
            assertThat(EthAddresses.parse(a).value()).isEqualTo(a.toLowerCase());
        }
    }

    @Test
    void parse_wrongChecksum_isUsageErrorNamingField() {
        assertThatThrownBy(() -> EthAddresses.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "--to"))
                .isInstanceOf(CordonException.class).hasMessageStartingWith("--to: EIP-55 checksum mismatch")
                .satisfies(e -> assertThat(((CordonException) e).code()).isEqualTo(ErrorCode.USAGE));
    }

    @Test
    void parse_singleCaseAndMalformed() {
        assertThat(EthAddresses.parse("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED").value())
                .isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThatThrownBy(() -> EthAddresses.parse("0x5aaeb")).hasMessageContaining("40 hex digits");
        assertThatThrownBy(() -> EthAddresses.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg"))
                .hasMessageContaining("not a hex digit 'g'");
    }
}
