package dev.cordon.bench.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.intel.graph.UtxoGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link ReachQuery} meets: on a generated graph its answer equals that of a
 * plain level-by-level breadth-first search over spends, written here independently of the
 * engines. Seed 3, 60,000 flows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReachQueryContract {
    static final FlowGraph GRAPH = FlowGraphGenerator.generate(FlowGraphConfig.of(60_000, 3));

    private ReachQuery engine;

    abstract ReachQuery create();

    @BeforeAll
    void load() {
        engine = create();
        engine.load(GRAPH);
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void reach_theftSixHops_equalsBreadthFirstSearch() {
        ReachAnswer expected = oracle(GRAPH.graph(), GRAPH.stolen(), 6);
        ReachAnswer actual = engine.reach(GRAPH.stolen(), 6);
        assertThat(expected.count()).isGreaterThan(200);
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.hashHex()).isEqualTo(expected.hashHex());
    }

    @Test
    void reach_oneHop_isTheSpendersOutputsOnly() {
        UtxoGraph g = GRAPH.graph();
        int seed = GRAPH.stolen()[0];
        int spender = g.spender(seed);
        assertThat(spender).isNotEqualTo(UtxoGraph.UNSPENT);
        ReachAnswer actual = engine.reach(new int[] {seed}, 1);
        List<Integer> addresses = new ArrayList<>();
        for (int o = g.firstOutput(spender); o < g.endOutput(spender); o++) {
            if (!addresses.contains(g.address(o))) {
                addresses.add(g.address(o));
            }
        }
        assertThat(actual.count()).isEqualTo(addresses.size());
        for (int i = 0; i < actual.count(); i++) {
            assertThat(addresses).contains(actual.address(i));
            assertThat(actual.firstHeight(i)).isEqualTo(g.height(spender));
        }
    }

    @Test
    void reach_unspentSeed_isEmpty() {
        UtxoGraph g = GRAPH.graph();
        int unspent = g.outputCount() - 1;
        assertThat(g.spender(unspent)).isEqualTo(UtxoGraph.UNSPENT);
        assertThat(engine.reach(new int[] {unspent}, 6).count()).isZero();
    }

    /** Level-by-level search: hop 1 is the spenders of the seeds; outputs of hops 1..hops count. */
    static ReachAnswer oracle(UtxoGraph g, int[] seeds, int hops) {
        int[] depth = new int[g.txCount()];
        Arrays.fill(depth, Integer.MAX_VALUE);
        List<Integer> frontier = new ArrayList<>();
        for (int o : seeds) {
            int sp = g.spender(o);
            if (sp >= 0 && g.value(o) > 0 && depth[sp] > 1) {
                depth[sp] = 1;
                frontier.add(sp);
            }
        }
        List<Long> receipts = new ArrayList<>();
        for (int d = 1; d <= hops && !frontier.isEmpty(); d++) {
            List<Integer> next = new ArrayList<>();
            for (int tx : frontier) {
                for (int o = g.firstOutput(tx); o < g.endOutput(tx); o++) {
                    if (g.value(o) == 0) {
                        continue;
                    }
                    receipts.add(ReachAnswer.receipt(g.address(o), g.height(tx)));
                    int sp = g.spender(o);
                    if (sp >= 0 && d < hops && depth[sp] > d + 1) {
                        depth[sp] = d + 1;
                        next.add(sp);
                    }
                }
            }
            frontier = next;
        }
        long[] packed = receipts.stream().mapToLong(Long::longValue).toArray();
        return ReachAnswer.fromReceipts(packed, packed.length);
    }
}
