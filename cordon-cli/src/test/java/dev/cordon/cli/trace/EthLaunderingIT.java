package dev.cordon.cli.trace;

import static dev.cordon.cli.trace.EthTraceFixtures.expected;
import static dev.cordon.cli.trace.EthTraceFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Tx;
import dev.cordon.intel.scenario.eth.EthGroundTruth;
import dev.cordon.intel.scenario.eth.EthGroundTruth.AssetTruth;
import dev.cordon.intel.scenario.eth.EthLaunderingScenario;
import dev.cordon.intel.scenario.eth.EthLaunderingScenario.Scenario;
import dev.cordon.intel.scenario.eth.EthScenarioConfig;
import dev.cordon.signing.testing.AnvilNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ethereum laundering scenario on a real Anvil node: generated with a printed seed
 * ({@code -Dcordon.scenario.seed=N} replays), ingested with {@code cordon ingest ethereum --traces
 * parity}; the stored flows of the theft and of laundering transactions must be exactly the ones
 * the generator sent (fees from the node's receipts), and the ground truth must balance per asset.
 * {@code cordon trace --from <theft hashes> --model fifo --labels labels.csv --json} must report
 * every endpoint of the truth with its exact amount per asset; haircut and LIFO must balance.
 */
class EthLaunderingIT {
    static final long SEED = Long.getLong("cordon.scenario.seed", System.nanoTime());
    @TempDir
    static Path tmp;
    static AnvilNode node;
    static Scenario scenario;
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        System.out.println("EthLaunderingIT seed " + SEED);
        node = AnvilNode.start(31337);
        scenario = EthLaunderingScenario.generate(node.rpc().client(), tmp.resolve("scenario"), EthScenarioConfig.small(SEED));
        data = tmp.resolve("data");
        EthTraceFixtures.ingest(node.url(), "parity", scenario.truth().blocks().last(), data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void generate_truth_balancesPerAssetAndReachesEveryKindOfService() {
        EthGroundTruth t = EthGroundTruth.read(scenario.truthFile());
        assertThat(t).isEqualTo(scenario.truth());
        assertThat(t.transactions()).isBetween(200L, 1_000L);
        assertThat(t.assets()).hasSize(2);
        EthScenarioConfig cfg = EthScenarioConfig.small(SEED);
        assertThat(t.assets().get(0).asset()).isEqualTo("ETH");
        assertThat(new BigInteger(t.assets().get(0).stolenValue())).isEqualTo(cfg.stolenEth());
        assertThat(new BigInteger(t.assets().get(1).stolenValue())).isEqualTo(cfg.stolenToken());
        Set<String> categories = new HashSet<>();
        for (AssetTruth a : t.assets()) {
            assertThat(a.balances()).as(a.asset()).isTrue();
            assertThat(new BigInteger(a.heldValue()).signum()).as("some is kept").isPositive();
            a.endpoints().forEach(e -> categories.add(e.category()));
        }
        assertThat(new BigInteger(t.assets().get(0).feeValue()).signum()).isPositive();
        assertThat(t.assets().get(1).feeValue()).isEqualTo("0");
        assertThat(categories).contains("exchange", "mixer", "bridge", "dex");
    }

    @Test
    void trace_fifoFromTheTheft_reportsEveryEndpointOfTheTruthExactly() throws Exception {
        EthGroundTruth t = scenario.truth();
        Map<String, JsonNode> fifo = EthTraceFixtures.trace(data, t.theft().transactions(), "fifo", scenario.labelsFile());
        assertThat(fifo.keySet()).containsExactlyElementsOf(t.assets().stream().map(AssetTruth::asset).toList());
        for (AssetTruth a : t.assets()) {
            EthTraceFixtures.assertFifoMatches(fifo.get(a.asset()), a);
        }
    }

    @Test
    void trace_haircutAndLifo_balanceToTheUnit() throws Exception {
        EthGroundTruth t = scenario.truth();
        for (String model : List.of("haircut", "lifo")) {
            Map<String, JsonNode> r = EthTraceFixtures.trace(data, t.theft().transactions(), model, scenario.labelsFile());
            for (AssetTruth a : t.assets()) {
                EthTraceFixtures.assertBalances(r.get(a.asset()), new BigInteger(a.stolenValue()));
            }
        }
    }

    @Test
    void generate_sameSeedOnAFreshNode_sameTransactionsAndTruth() throws Exception {
        AnvilNode again = AnvilNode.start(31337);
        try {
            Scenario second = EthLaunderingScenario.generate(again.rpc().client(), tmp.resolve("again"),
                    EthScenarioConfig.small(SEED));
            assertThat(second.transactions()).isEqualTo(scenario.transactions());
            assertThat(second.truth()).isEqualTo(scenario.truth());
        } finally {
            again.close();
        }
    }

    @Test
    void ingest_theftAndLaunderingTransactions_storedFlowsExact() throws Exception {
        List<Tx> checked = new ArrayList<>();
        for (Tx tx : scenario.transactions()) {
            if (scenario.truth().theft().transactions().contains(tx.hash()) || scenario.laundering().contains(tx.hash())) {
                checked.add(tx);
            }
        }
        assertThat(checked.size()).isGreaterThan(30);
        for (Tx tx : checked) {
            assertThat(stored(data, tx)).as(tx.hash()).containsExactlyElementsOf(expected(tx));
        }
    }
}
