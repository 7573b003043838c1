package dev.cordon.bench.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.CordonException;
import dev.cordon.intel.graph.UtxoGraph;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowGraphGeneratorTest {
    private static final FlowGraph SMALL = FlowGraphGenerator.generate(FlowGraphConfig.of(200_000, 5));

    @Test
    void generate_sameConfig_sameGraph() {
        FlowGraph again = FlowGraphGenerator.generate(FlowGraphConfig.of(200_000, 5));
        assertThat(fingerprint(again.graph())).isEqualTo(fingerprint(SMALL.graph()));
        assertThat(again.stolen()).containsExactly(SMALL.stolen());
    }

    @Test
    void generate_otherSeed_otherGraph() {
        FlowGraph other = FlowGraphGenerator.generate(FlowGraphConfig.of(200_000, 6));
        assertThat(fingerprint(other.graph())).isNotEqualTo(fingerprint(SMALL.graph()));
    }

    @Test
    void generate_flows_stopsJustPastTheTarget() {
        assertThat(SMALL.flows()).isBetween(200_000L, 200_000L + 150);
        assertThat(SMALL.flows()).isEqualTo((long) SMALL.graph().outputCount() + SMALL.graph().inputCount());
    }

    @Test
    void generate_shape_isBitcoinLike() {
        UtxoGraph g = SMALL.graph();
        int spenders = g.txCount() - g.blockCount();
        double inputsPerTx = g.inputCount() / (double) spenders;
        double outputsPerTx = (g.outputCount() - FlowGraphGenerator.AIRDROP - g.blockCount()) / (double) spenders;
        assertThat(inputsPerTx).isBetween(2.0, 2.6);
        assertThat(outputsPerTx).isBetween(2.2, 2.6);
        assertThat(g.blockCount()).isEqualTo((g.txCount() + 2_499) / 2_500);
    }

    @Test
    void generate_everyTransaction_paysNoMoreThanItSpends() {
        UtxoGraph g = SMALL.graph();
        for (int t = 0; t < g.txCount(); t++) {
            assertThat(g.endOutput(t)).isGreaterThan(g.firstOutput(t));
            if (!g.isCoinbase(t)) {
                assertThat(g.fee(t)).as("fee of tx %d", t).isBetween(0L, Math.max(10_200L, FlowGraphGenerator.THEFT_FEE));
            }
            for (int o = g.firstOutput(t); o < g.endOutput(t); o++) {
                assertThat(g.value(o)).isPositive();
            }
        }
    }

    @Test
    void generate_theft_paysFreshThievesWhoseCoinsAllMove() {
        UtxoGraph g = SMALL.graph();
        int[] stolen = SMALL.stolen();
        assertThat(stolen).hasSize(200);
        assertThat(g.endOutput(SMALL.theftTx()) - g.firstOutput(SMALL.theftTx())).isEqualTo(200);
        Set<Integer> thieves = new HashSet<>();
        long sum = 0;
        for (int o : stolen) {
            assertThat(g.txOf(o)).isEqualTo(SMALL.theftTx());
            assertThat(g.spender(o)).isNotEqualTo(UtxoGraph.UNSPENT);
            assertThat(g.previousOutputOfAddress(o)).isEqualTo(UtxoGraph.UNSPENT);
            thieves.add(g.address(o));
            sum += g.value(o);
        }
        assertThat(thieves).hasSize(200);
        assertThat(sum).isEqualTo(SMALL.theftValue());
        assertThat(g.inputCount()).isPositive();
    }

    @Test
    void config_tooFewFlows_failsWithTheRange() {
        assertThatThrownBy(() -> FlowGraphConfig.of(10, 1))
                .isInstanceOf(CordonException.class)
                .hasMessage("flows must be in 20000 .. 1800000000: 10");
    }

    /** Counts plus an FNV-1a hash over every output's value, address and spender. */
    private static String fingerprint(UtxoGraph g) {
        long x = 0xcbf29ce484222325L;
        for (int o = 0; o < g.outputCount(); o++) {
            x = (x ^ g.value(o)) * 0x100000001b3L;
            x = (x ^ g.address(o)) * 0x100000001b3L;
            x = (x ^ g.spender(o)) * 0x100000001b3L;
        }
        return g.txCount() + "/" + g.outputCount() + "/" + g.inputCount() + "/" + Long.toHexString(x);
    }
}
