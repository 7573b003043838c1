package dev.cordon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AmountTest {
    @Test
    void toPlainString_isExactWithoutTrailingZeros() {
        assertThat(Amount.sats(5_000_000_000L).toPlainString()).isEqualTo("50");
        assertThat(Amount.sats(10_000L).toPlainString()).isEqualTo("0.0001");
        assertThat(Amount.sats(1L).toString()).isEqualTo("0.00000001 BTC");
        Amount wei = new Amount(Chain.ETHEREUM.nativeAsset(), new BigInteger("401346000000000000000000"));
        assertThat(wei.toString()).isEqualTo("401346 ETH");
    }

    @Test
    void plus_otherAsset_isRefused() {
        Amount eth = Amount.of(Chain.ETHEREUM.nativeAsset(), 1);
        assertThatThrownBy(() -> Amount.sats(1).plus(eth))
                .isInstanceOf(CordonException.class)
                .hasMessage("cannot combine BTC with ETH");
    }
}
