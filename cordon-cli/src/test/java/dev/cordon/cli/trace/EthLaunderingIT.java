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
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.core.TxId;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.signing.testing.AnvilNode;
import dev.cordon.store.ChainStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * The Ethereum laundering scenario on a real Anvil node: generated with a printed seed
 * ({@code -Dcordon.scenario.seed=N} replays), ingested with {@code cordon ingest ethereum --traces
 * parity}; the stored flows of the theft and of laundering transactions must be exactly the ones
 * the generator sent (fees from the node's receipts), and the ground truth must balance per asset.
 * {@code cordon trace --from <theft hashes> --model fifo --labels labels.csv --json} must report
 * every endpoint of the truth with its exact amount per asset; haircut and LIFO must balance.
 * Every router deposit the scenario sent (its call data, read back from the node) must be stored
 * with the same vault, asset, amount and memo, and the trace must show the decoded destination of
 * every router deposit it reaches.
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

    /** What the scenario sent to the router: its {@code deposit(vault, asset, amount, memo)} calls, by tx hash. */
    private static Map<String, List<Object>> sentDeposits() throws Exception {
        Set<String> bridge = new HashSet<>();
        for (String line : Files.readAllLines(scenario.labelsFile(), StandardCharsets.UTF_8)) {
            if (line.endsWith(",bridge")) {
                bridge.add(line.substring(0, line.indexOf(',')).toLowerCase(Locale.ROOT));
            }
        }
        String selector = Hash.sha3String("deposit(address,address,uint256,string)").substring(0, 10);
        List<TypeReference<?>> types = List.of(new TypeReference<Address>() { }, new TypeReference<Address>() { },
                new TypeReference<Uint256>() { }, new TypeReference<Utf8String>() { });
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<TypeReference<Type>> raw = (List) types;
        Map<String, List<Object>> out = new HashMap<>();
        for (Tx tx : scenario.transactions()) {
            JsonNode t = node.rpc().client().call("eth_getTransactionByHash", tx.hash());
            String input = t.path("input").asText();
            if (bridge.contains(t.path("to").asText().toLowerCase(Locale.ROOT)) && input.startsWith(selector)) {
                List<Type> args = FunctionReturnDecoder.decode("0x" + input.substring(10), raw);
                out.put(tx.hash(), List.of(t.get("to").asText().toLowerCase(Locale.ROOT), args.get(0).toString(),
                        args.get(1).toString(), args.get(2).getValue(), args.get(3).getValue(), tx.index()));
            }
        }
        return out;
    }

    @Test
    void ingest_routerDeposits_storedExactlyAsTheScenarioSentThem() throws Exception {
        Map<String, List<Object>> sent = sentDeposits();
        assertThat(sent).isNotEmpty();
        try (ChainStore s = ChainStores.openExisting(data)) {
            List<BridgeDeposit> all = s.ethereum().bridgeDeposits(0, scenario.truth().blocks().last());
            assertThat(all).hasSize(sent.size());
            for (Map.Entry<String, List<Object>> e : sent.entrySet()) {
                List<BridgeDeposit> stored = s.ethereum().bridgeDeposits(TxId.parse(e.getKey()));
                assertThat(stored).as(e.getKey()).hasSize(1);
                BridgeDeposit d = stored.get(0);
                assertThat(List.of(d.router().value(), d.vault().value(), d.asset().value(), d.amount(), d.memo(),
                        d.txIndex())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void trace_fifo_showsTheDestinationOfEveryRouterDepositReached() throws Exception {
        Map<String, List<Object>> sent = sentDeposits();
        EthGroundTruth t = scenario.truth();
        Map<String, JsonNode> fifo = EthTraceFixtures.trace(data, t.theft().transactions(), "fifo", scenario.labelsFile());
        int swaps = 0;
        for (JsonNode report : fifo.values()) {
            for (JsonNode swap : report.get("swaps")) {
                String hash = "0x" + swap.get("inbound").asText().split(":")[0];
                List<Object> call = sent.get(hash);
                assertThat(call).as(hash).isNotNull();
                String memo = (String) call.get(4);
                assertThat(swap.get("memo").asText()).isEqualTo(memo);
                assertThat(List.of(swap.get("destChain").asText(), swap.get("destAsset").asText(),
                        swap.get("destAddress").asText())).containsExactly("BTC", "BTC.BTC", memo.substring("SWAP:BTC.BTC:".length()));
                assertThat(swap.get("vault").asText().toLowerCase(Locale.ROOT)).isIn(call.get(0), call.get(1));
                assertThat(swap.get("outbound").isNull()).isTrue();
                swaps++;
            }
            assertThat(report.get("swapProblems")).isEmpty();
            assertThat(report.get("continued")).hasSize(report.get("swaps").size());
        }
        assertThat(swaps).as("router deposits reached by the trace").isPositive();
    }
}
