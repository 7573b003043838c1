package dev.cordon.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Hex;
import dev.cordon.intel.scenario.eth.ScenarioContracts;
import dev.cordon.signing.testing.TestTools;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The creation code committed beside {@code ScenarioContracts.sol} (which the Ethereum scenario
 * deploys without a compiler) is what solc-js 0.8.28 from npm makes of the committed source.
 */
class ScenarioContractsIT {
    @Test
    void creationCode_committed_equalsTheRecompiledSource() throws Exception {
        Map<String, byte[]> compiled = TestTools.compileResource(ScenarioContracts.SOURCE, ScenarioContracts.NAMES);
        for (String name : ScenarioContracts.NAMES) {
            assertThat(Hex.encode(ScenarioContracts.creationCode(name))).as(name).isEqualTo(Hex.encode(compiled.get(name)));
        }
    }
}
