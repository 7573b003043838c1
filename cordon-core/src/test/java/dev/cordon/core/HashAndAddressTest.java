package dev.cordon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashAndAddressTest {
    private static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

    @Test
    void parse_roundTripsAndCompares() {
        BlockHash h = BlockHash.parse("0x" + GENESIS.toUpperCase());
        assertThat(h.hex()).isEqualTo(GENESIS);
        assertThat(h).isEqualTo(BlockHash.parse(GENESIS)).isNotEqualTo(BlockHash.ZERO);
        assertThat(BlockHash.ZERO.isZero()).isTrue();
        assertThat(TxId.parse(GENESIS)).isNotEqualTo(h); // different types never equal
    }

    @Test
    void parse_wrongLength_isUsageError() {
        assertThatThrownBy(() -> TxId.parse("abcd"))
                .isInstanceOfSatisfying(CordonException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("transaction id must be 64 hex digits, got 4: 'abcd'");
    }

    @Test
    void address_rejectsWhitespace() {
        assertThatThrownBy(() -> new Address(Chain.BITCOIN, "1A1z P1"))
                .hasMessage("address has an illegal character at 4");
    }

    @Test
    void chain_parse_acceptsCodeAndName() {
        assertThat(Chain.parse("BTC")).isEqualTo(Chain.BITCOIN);
        assertThat(Chain.parse("ethereum")).isEqualTo(Chain.ETHEREUM);
        assertThatThrownBy(() -> Chain.parse("doge")).hasMessage("unknown chain 'doge' (expected btc or eth)");
    }
}
