package dev.cordon.intel.scenario.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EthScenarioConfigTest {
    @Test
    void small_isValid_andSpreadsOverFourDays() {
        EthScenarioConfig c = EthScenarioConfig.small(7);
        assertThat(c.launderingBlocks()).isEqualTo(48);
        assertThat(c.blockSeconds()).isEqualTo(7_200);
        assertThat(c.stolenEth()).isEqualTo(EthScenarioConfig.ETHER.multiply(BigInteger.valueOf(400)));
    }

    @Test
    void constructor_tooFewExchanges_namesTheSetting() {
        EthScenarioConfig s = EthScenarioConfig.small(7);
        assertThatThrownBy(() -> new EthScenarioConfig(1, s.users(), 1, s.warmupBlocks(), s.launderingDays(),
                s.blocksPerDay(), s.backgroundTxs(), s.splitWays(), s.tokenSplitWays(), s.peelHops(), s.stolenEth(),
                s.stolenToken())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exchanges must be at least 2, got 1");
    }

    @Test
    void constructor_smallTheft_refused() {
        EthScenarioConfig s = EthScenarioConfig.small(7);
        assertThatThrownBy(() -> new EthScenarioConfig(1, s.users(), s.exchanges(), s.warmupBlocks(), s.launderingDays(),
                s.blocksPerDay(), s.backgroundTxs(), s.splitWays(), s.tokenSplitWays(), s.peelHops(), BigInteger.ONE,
                s.stolenToken())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stolenEth");
    }
}
