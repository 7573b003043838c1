package dev.cordon.cli.trace;

import static dev.cordon.cli.trace.EthTraceFixtures.expected;
import static dev.cordon.cli.trace.EthTraceFixtures.stored;
import static dev.cordon.intel.scenario.eth.EthFifoOracle.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.Hex;
import dev.cordon.core.TransferKind;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.intel.scenario.GroundTruth.LabelRow;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.eth.AnvilChain;
import dev.cordon.intel.scenario.eth.EthFifoOracle;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Endpoint;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Flow;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Result;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Tx;
import dev.cordon.intel.scenario.eth.EthGroundTruth.AssetTruth;
import dev.cordon.intel.scenario.eth.EthGroundTruth.EndpointTruth;
import dev.cordon.intel.scenario.eth.EthLaunderingScenario;
import dev.cordon.intel.scenario.eth.ScenarioContracts;
import dev.cordon.signing.Operation;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.testing.AnvilNode;
import dev.cordon.signing.testing.SafeFixtures;
import dev.cordon.signing.testing.TestTools;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The Bybit theft of 21 February 2025 replayed on a Safe 1.1.1 proxy holding ether and the
 * scenario's ERC-20 (the signing guard's {@code SafeCommandsIT} replays the same signing): two
 * owners sign a delegatecall to a trojan whose {@code transfer} overwrites the master copy with a
 * backdoor, through which the attacker sweeps the wallet to a fresh address. The thief splits the
 * loot into fresh addresses, deposits at two labelled exchange deposit addresses over two days and
 * keeps the rest. Ingested with {@code --traces geth}; every stored flow must be the one sent, and
 * the FIFO attribution ({@link EthFifoOracle}, fed with the flows and receipts, not the store)
 * must match the figures worked out by hand; {@code cordon trace --from <sweeps> --model fifo}
 * must report exactly the oracle's endpoints and totals per asset, haircut and LIFO must balance.
 */
class BybitTraceIT {
    static final long SEED = Long.getLong("cordon.scenario.seed", System.nanoTime());
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final BigInteger LOOT_TOKENS = ETHER.multiply(BigInteger.valueOf(15_000));
    static final Address COINBASE = EthAddresses.parse("0x00000000000000000000000000000000000c0b1e");
    @TempDir
    static Path tmp;
    static AnvilNode node;
    static Random rnd;
    static Address safe;
    static Asset token;
    static BigInteger lootEth;
    static Address thief;
    static Address a1;
    static Address a2;
    static Address a3;
    static Address b1;
    static Address b2;
    static Address depositOne;
    static Address depositTwo;
    static BigInteger firstDeposit;
    static List<String> theft = new ArrayList<>();
    static List<Tx> txs;
    static EthFifoOracle oracle;
    static Path labels;
    static Path data;

    @BeforeAll
    static void attackAndLaunder() throws Exception {
        System.out.println("BybitTraceIT seed " + SEED);
        rnd = new Random(SEED);
        node = AnvilNode.start(1);
        SafeFixtures fx = new SafeFixtures(node, rnd, 3);
        safe = fx.canonical111Safe();
        fundTheWallet(fx);
        overwriteTheMasterCopy(fx);
        AnvilChain chain = new AnvilChain(node.rpc().client(), COINBASE);
        sweep(chain);
        launder(chain);
        txs = chain.mined();
        depositsAndThief();
        oracle = new EthFifoOracle(a -> a.equals(depositOne) || a.equals(depositTwo), Set.copyOf(theft));
        txs.forEach(oracle::apply);
        data = tmp.resolve("data");
        EthTraceFixtures.ingest(node.url(), "geth", chain.tip(), data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static void fundTheWallet(SafeFixtures fx) {
        BigInteger supply = ETHER.multiply(BigInteger.valueOf(1_000_000));
        token = Asset.token(fx.deploy(ScenarioContracts.deployment("StakedToken", new Uint256(supply))), "ERC20", 0);
        Function transfer = new Function("transfer", List.<Type>of(SafeFixtures.abiAddress(safe), new Uint256(LOOT_TOKENS)),
                List.of());
        assertThat(fx.send(token.contract(), HexData.parse(FunctionEncoder.encode(transfer), "transfer"), BigInteger.ZERO)
                .success()).isTrue();
        fx.send(Optional.of(safe), HexData.EMPTY, ETHER.multiply(BigInteger.valueOf(490)));
        lootEth = fx.balance(safe);
        assertThat(lootEth).isEqualTo(ETHER.multiply(BigInteger.valueOf(500)));
    }

    private static void overwriteTheMasterCopy(SafeFixtures fx) throws Exception {
        Address trojan = fx.deploy(TestTools.compileResource("dev/cordon/signing/it/BybitReplica.sol",
                List.of("SlotZeroTrojan")).get("SlotZeroTrojan"));
        Address backdoor = fx.deploy(TestTools.compileResource("dev/cordon/cli/trace/BybitSweep.sol",
                List.of("SweepAllBackdoor")).get("SweepAllBackdoor"));
        String data = FunctionEncoder.encode(new Function("transfer", List.<Type>of(SafeFixtures.abiAddress(backdoor),
                new Uint256(0)), List.of()));
        SafeTransaction attack = new SafeTransaction(safe, BigInteger.ONE, SafeVersion.V1_1_1, trojan, BigInteger.ZERO,
                HexData.parse(data, "data"), Operation.DELEGATECALL, BigInteger.valueOf(45746), BigInteger.ZERO,
                BigInteger.ZERO, EthAddresses.ZERO, EthAddresses.ZERO, BigInteger.ZERO);
        assertThat(fx.execute(attack, SafeFixtures.sign(attack, fx.key(0), fx.key(1))).success()).isTrue();
    }

    /** The attacker (gas from anvil_setBalance, so clean) sweeps ether and tokens to the thief's fresh address. */
    private static void sweep(AnvilChain chain) {
        Address attacker = fresh();
        thief = fresh();
        chain.setBalance(attacker, ETHER);
        theft.add(chain.send(attacker, Optional.of(safe), BigInteger.ZERO, calldata(new Function("sweepETH",
                List.<Type>of(SafeFixtures.abiAddress(thief)), List.of())), 100_000,
                List.of(new Flow(TransferKind.INTERNAL, safe, thief, ETH, lootEth))));
        theft.add(chain.send(attacker, Optional.of(safe), BigInteger.ZERO, calldata(new Function("sweepERC20",
                List.<Type>of(SafeFixtures.abiAddress(token.contract().orElseThrow()), SafeFixtures.abiAddress(thief)),
                List.of())), 100_000, List.of(new Flow(TransferKind.ERC20, safe, thief, token, LOOT_TOKENS))));
        chain.mine(60);
    }

    /**
     * Day 0: the thief pays a1 200, a2 150, a3 100 ether, b1 and b2 half an ether for gas and 9,000
     * and 6,000 tokens. An hour later a1 deposits all it can at exchange one, a2 100 ether at exchange
     * two, b1 its tokens at exchange one. A day later a2 deposits 30 ether at exchange one. a3, b2
     * and the thief keep the rest.
     */
    private static void launder(AnvilChain chain) {
        a1 = fresh();
        a2 = fresh();
        a3 = fresh();
        b1 = fresh();
        b2 = fresh();
        depositOne = fresh();
        depositTwo = fresh();
        eth(chain, thief, a1, ETHER.multiply(BigInteger.valueOf(200)));
        eth(chain, thief, a2, ETHER.multiply(BigInteger.valueOf(150)));
        eth(chain, thief, a3, ETHER.multiply(BigInteger.valueOf(100)));
        eth(chain, thief, b1, ETHER.divide(BigInteger.TWO));
        eth(chain, thief, b2, ETHER.divide(BigInteger.TWO));
        tokens(chain, thief, b1, ETHER.multiply(BigInteger.valueOf(9_000)));
        tokens(chain, thief, b2, ETHER.multiply(BigInteger.valueOf(6_000)));
        chain.mine(3_600);
        firstDeposit = chain.spendableEth(a1).subtract(AnvilChain.reserve(21_000));
        eth(chain, a1, depositOne, firstDeposit);
        eth(chain, a2, depositTwo, ETHER.multiply(BigInteger.valueOf(100)));
        tokens(chain, b1, depositOne, ETHER.multiply(BigInteger.valueOf(9_000)));
        chain.mine(3_600);
        eth(chain, a2, depositOne, ETHER.multiply(BigInteger.valueOf(30)));
        chain.mine(86_400);
    }

    private static void depositsAndThief() {
        List<LabelRow> rows = List.of(new LabelRow(depositOne.value(), "Exchange One", "exchange"),
                new LabelRow(depositTwo.value(), "Exchange Two", "exchange"),
                new LabelRow(thief.value(), "Bybit-style heist", "perpetrator"));
        labels = tmp.resolve("labels.csv");
        LaunderingScenario.writeLabels(labels, rows);
    }

    private static void eth(AnvilChain chain, Address from, Address to, BigInteger value) {
        chain.send(from, Optional.of(to), value, new byte[0], 21_000, List.of(new Flow(TransferKind.NATIVE, from, to, ETH, value)));
    }

    private static void tokens(AnvilChain chain, Address from, Address to, BigInteger amount) {
        chain.send(from, token.contract(), BigInteger.ZERO, calldata(new Function("transfer",
                List.<Type>of(SafeFixtures.abiAddress(to), new Uint256(amount)), List.of())), 100_000,
                List.of(new Flow(TransferKind.ERC20, from, to, token, amount)));
    }

    private static byte[] calldata(Function f) {
        return Hex.decode(FunctionEncoder.encode(f).substring(2), "calldata");
    }

    private static Address fresh() {
        byte[] b = new byte[20];
        rnd.nextBytes(b);
        return EthAddresses.fromBytes(b);
    }

    @Test
    void ingest_sweepAndLaundering_storedFlowsExact() throws Exception {
        assertThat(txs).hasSize(2 + 7 + 3 + 1);
        for (Tx tx : txs) {
            assertThat(stored(data, tx)).as(tx.hash()).containsExactlyElementsOf(expected(tx));
        }
    }

    /** Worked by hand: every thief address holds only stolen ether, so every fee it pays and every deposit is tainted. */
    @Test
    void oracle_bybitLaundering_matchesTheHandWorkedFigures() {
        BigInteger thiefFees = BigInteger.ZERO;
        for (Tx tx : txs) {
            if (!theft.contains(tx.hash())) {
                thiefFees = thiefFees.add(tx.burn()).add(tx.tip());
            }
        }
        Result e = oracle.result(ETH);
        assertThat(e.stolen()).isEqualTo(lootEth);
        assertThat(e.endpoints()).containsExactly(sorted(
                new Endpoint(depositOne, firstDeposit.add(ETHER.multiply(BigInteger.valueOf(30))), txs.get(2).block() + 1),
                new Endpoint(depositTwo, ETHER.multiply(BigInteger.valueOf(100)), txs.get(2).block() + 1)));
        assertThat(e.fees()).isEqualTo(thiefFees);
        assertThat(e.held()).isEqualTo(lootEth.subtract(e.endpointValue()).subtract(thiefFees));
        assertThat(e.held()).isGreaterThan(ETHER.multiply(BigInteger.valueOf(150)));

        Result t = oracle.result(token);
        assertThat(t.stolen()).isEqualTo(LOOT_TOKENS);
        assertThat(t.endpoints()).containsExactly(new Endpoint(depositOne, ETHER.multiply(BigInteger.valueOf(9_000)),
                txs.get(2).block() + 1));
        assertThat(t.held()).isEqualTo(ETHER.multiply(BigInteger.valueOf(6_000)));
        assertThat(t.fees()).isZero();
        assertThat(EthLaunderingScenario.assetName(token)).isEqualTo(token.contract().orElseThrow().value());
    }

    @Test
    void trace_fifoFromTheSweeps_reportsWhatTheOracleComputed() throws Exception {
        Map<String, JsonNode> fifo = EthTraceFixtures.trace(data, theft, "fifo", labels);
        assertThat(fifo).hasSize(2);
        for (Asset a : List.of(ETH, token)) {
            EthTraceFixtures.assertFifoMatches(fifo.get(EthLaunderingScenario.assetName(a)), truth(oracle.result(a)));
        }
    }

    @Test
    void trace_haircutAndLifo_balanceToTheUnit() throws Exception {
        for (String model : List.of("haircut", "lifo")) {
            Map<String, JsonNode> r = EthTraceFixtures.trace(data, theft, model, labels);
            EthTraceFixtures.assertBalances(r.get("ETH"), lootEth);
            EthTraceFixtures.assertBalances(r.get(EthLaunderingScenario.assetName(token)), LOOT_TOKENS);
        }
    }

    /** The oracle's figures in the ground truth's form, entities from the labels written. */
    private static AssetTruth truth(Result r) {
        List<EndpointTruth> eps = new ArrayList<>();
        for (Endpoint e : r.endpoints()) {
            String entity = e.address().equals(depositOne) ? "Exchange One" : "Exchange Two";
            eps.add(new EndpointTruth(e.address().value(), entity, "exchange", e.amount().toString(), e.firstBlock()));
        }
        return new AssetTruth(EthLaunderingScenario.assetName(r.asset()), r.stolen().toString(),
                r.endpointValue().toString(), r.held().toString(), r.fees().toString(), eps);
    }

    private static Endpoint[] sorted(Endpoint... eps) {
        return Arrays.stream(eps).sorted(Comparator.comparing(Endpoint::address)).toArray(Endpoint[]::new);
    }
}
