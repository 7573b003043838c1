package dev.cordon.cli.chain;

import static dev.cordon.cli.chain.AnvilTxs.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import dev.cordon.cli.chain.AnvilTxs.Sent;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.signing.testing.AnvilNode;
import dev.cordon.signing.testing.TestTools;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * {@code cordon ingest ethereum --rpc} against a real Anvil node: contracts compiled from
 * {@code EthFlows.sol} with solc-js at test time (an ERC-20, a splitter that pays three addresses
 * in one call, a contract whose sub-call pays and reverts inside a try/catch, and a transaction
 * that fails as a whole), ingested with both trace dialects (Anvil serves {@code trace_block}, and
 * {@code debug_traceTransaction} in place of {@code debug_traceBlockByNumber}); every transfer is
 * read back through {@code cordon tx|address|block --json}. A second node mines a reorganisation
 * with {@code evm_snapshot}/{@code evm_revert}, which the store must follow.
 */
class EthereumIngestIT {
    private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
    private static final String BOB = "0x0000000000000000000000000000000000000b0b";
    private static final String CAROL = "0x00000000000000000000000000000000000ca201";
    private static final String KEPT = "0x000000000000000000000000000000000000ee01";
    private static final String LOST = "0x000000000000000000000000000000000000ee02";
    private static final BigInteger FINNEY = BigInteger.TEN.pow(15);
    private static final BigInteger SUPPLY = BigInteger.TEN.pow(24);

    @TempDir
    static Path tmp;
    static AnvilNode node;
    static AnvilTxs chain;
    static Sent tokenDeploy;
    static Sent halfWayDeploy;
    static Sent tokenTransfer;
    static Sent split;
    static Sent halfWay;
    static Sent failed;
    static Sent plain;
    static String token;
    static String splitter;
    static String halfWayContract;
    static String reverter;

    @BeforeAll
    static void mine() throws Exception {
        node = AnvilNode.start(31337);
        chain = new AnvilTxs(node);
        Map<String, byte[]> code = TestTools.compileResource("dev/cordon/cli/chain/EthFlows.sol",
                List.of("TestToken", "Splitter", "HalfWay"));
        byte[] tokenInit = concat(code.get("TestToken"), Hex.decode(TypeEncoder.encode(new Uint256(SUPPLY)), "supply"));
        tokenDeploy = chain.deploy(tokenInit);
        token = tokenDeploy.contract();
        splitter = chain.deploy(code.get("Splitter")).contract();
        halfWayDeploy = chain.deploy(code.get("HalfWay"));
        halfWayContract = halfWayDeploy.contract();
        reverter = "0x" + chain.rpc().call("eth_call", Map.of("to", halfWayContract, "data",
                FunctionEncoder.encode(new Function("inner", List.of(), List.of()))), "latest")
                .asText().substring(26);
        tokenTransfer = chain.call(token, new Function("transfer", List.of(new Address(ALICE), new Uint256(1_234_567)),
                List.of(new TypeReference<Bool>() { })), BigInteger.ZERO);
        split = chain.call(splitter, new Function("split", List.of(
                new DynamicArray<>(Address.class, new Address(ALICE), new Address(BOB), new Address(CAROL)),
                new DynamicArray<>(Uint256.class, new Uint256(FINNEY), new Uint256(FINNEY.shiftLeft(1)),
                        new Uint256(FINNEY.multiply(BigInteger.valueOf(3))))), List.of()),
                FINNEY.multiply(BigInteger.valueOf(6)));
        halfWay = chain.call(halfWayContract, new Function("run", List.of(new Address(KEPT), new Address(LOST)), List.of()),
                FINNEY.multiply(BigInteger.TEN));
        failed = chain.send(halfWayContract, calldata(new Function("fail", List.of(new Address(LOST)), List.of())),
                FINNEY.multiply(BigInteger.valueOf(7)), 200_000);
        plain = chain.send(BOB, new byte[0], BigInteger.valueOf(42), 0);
        assertThat(failed.success()).as("the failing transaction is mined with status 0").isFalse();
        assertThat(halfWay.success()).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void ingest_parityTraces_everyTransferExact() throws IOException {
        Path data = ingest("parity", node.url(), chain.tip(), chain.blockHash(chain.tip()));
        checkEveryTransfer(data);
    }

    @Test
    void ingest_gethTraces_everyTransferExact() throws IOException {
        Path data = ingest("geth", node.url(), chain.tip(), chain.blockHash(chain.tip()));
        checkEveryTransfer(data);
    }

    private static void checkEveryTransfer(Path data) throws IOException {
        String s = chain.sender;
        assertThat(transfers(data, tokenDeploy)).containsExactlyElementsOf(with(tokenDeploy,
                line("erc20", AnvilTxs.ZERO, s, SUPPLY)));
        assertThat(transfers(data, tokenTransfer)).containsExactlyElementsOf(with(tokenTransfer,
                line("erc20", s, ALICE, BigInteger.valueOf(1_234_567))));
        assertThat(transfers(data, split)).containsExactlyElementsOf(with(split,
                line("native", s, splitter, FINNEY.multiply(BigInteger.valueOf(6))),
                line("internal", splitter, ALICE, FINNEY),
                line("internal", splitter, BOB, FINNEY.shiftLeft(1)),
                line("internal", splitter, CAROL, FINNEY.multiply(BigInteger.valueOf(3)))));
        // the sub-call that paid LOST reverted inside try/catch: neither its value nor its payment is there
        assertThat(transfers(data, halfWay)).containsExactlyElementsOf(with(halfWay,
                line("native", s, halfWayContract, FINNEY.multiply(BigInteger.TEN)),
                line("internal", halfWayContract, KEPT, FINNEY.multiply(BigInteger.valueOf(5)))));
        // a failed transaction still pays its gas, and nothing else
        assertThat(failed.fees()).isNotEmpty();
        assertThat(transfers(data, failed)).containsExactlyElementsOf(failed.fees());
        assertThat(transfers(data, plain)).containsExactlyElementsOf(with(plain, line("native", s, BOB, BigInteger.valueOf(42))));

        assertThat(CliRun.of("address", LOST, "--data", data.toString(), "--json").exitCode()).isEqualTo(3);
        JsonNode alice = json(CliRun.of("address", ALICE, "--data", data.toString(), "--json"));
        assertThat(alice.at("/assets/0/received/units").asText()).isEqualTo(FINNEY.toString());
        assertThat(alice.at("/assets/1/asset").asText()).isEqualTo("ERC20 " + checksummed(token));
        assertThat(alice.at("/assets/1/balance/units").asText()).isEqualTo("1234567");
        assertThat(alice.get("transfer_count").asLong()).isEqualTo(2);
        JsonNode kept = json(CliRun.of("address", KEPT, "--data", data.toString(), "--json"));
        assertThat(kept.at("/assets/0/balance/units").asText()).isEqualTo(FINNEY.multiply(BigInteger.valueOf(5)).toString());

        JsonNode block = json(CliRun.of("block", Long.toString(halfWayDeploy.height()), "--chain", "eth",
                "--data", data.toString(), "--json"));
        assertThat(block.get("hash").asText()).isEqualTo(halfWayDeploy.block().get("hash").asText());
        List<String> created = new ArrayList<>();
        block.get("contracts_created").forEach(c -> created.add(c.get("creator").asText() + " " + c.get("contract").asText()));
        assertThat(created).containsExactly(checksummed(s) + " " + checksummed(halfWayContract),
                checksummed(halfWayContract) + " " + checksummed(reverter));
    }

    @Test
    void ingest_afterReorg_storeFollowsTheNode() throws Exception {
        try (AnvilNode fork = AnvilNode.start(31337)) {
            AnvilTxs c = new AnvilTxs(fork);
            c.send(ALICE, new byte[0], BigInteger.valueOf(100), 0);
            String snapshot = c.snapshot();
            Sent orphanA = c.send(BOB, new byte[0], BigInteger.valueOf(200), 0);
            Sent orphanB = c.send(CAROL, new byte[0], BigInteger.valueOf(300), 0);
            Path parity = ingest("parity", fork.url(), c.tip(), c.blockHash(c.tip()));
            Path geth = ingest("geth", fork.url(), c.tip(), c.blockHash(c.tip()));
            assertThat(transfers(parity, orphanA)).containsExactlyElementsOf(with(orphanA, line("native", c.sender, BOB,
                    BigInteger.valueOf(200))));

            c.revert(snapshot);
            List<Sent> replacements = List.of(c.send(KEPT, new byte[0], BigInteger.valueOf(400), 0),
                    c.send(LOST, new byte[0], BigInteger.valueOf(500), 0),
                    c.send(CAROL, new byte[0], BigInteger.valueOf(600), 0));
            assertThat(c.tip()).isEqualTo(4);
            assertThat(c.blockHash(2)).isNotEqualTo(orphanA.block().get("hash").asText());

            for (String dialect : List.of("parity", "geth")) {
                Path data = dialect.equals("parity") ? parity : geth;
                JsonNode r = json(CliRun.of("ingest", "ethereum", "--rpc", fork.url(), "--traces", dialect, "--to", "4",
                        "--data", data.toString(), "--json"));
                assertThat(r.get("reorgs").asLong()).as(dialect).isEqualTo(1);
                assertThat(r.get("tip_height").asLong()).isEqualTo(4);
                assertThat(r.get("tip_hash").asText()).isEqualTo(c.blockHash(4));
                for (long h = 0; h <= 4; h++) {
                    JsonNode b = json(CliRun.of("block", Long.toString(h), "--chain", "eth", "--data", data.toString(), "--json"));
                    assertThat(b.get("hash").asText()).as(dialect + " block " + h).isEqualTo(c.blockHash(h));
                }
                assertThat(CliRun.of("tx", orphanA.hash(), "--data", data.toString()).exitCode()).isEqualTo(3);
                assertThat(CliRun.of("tx", orphanB.hash(), "--data", data.toString()).exitCode()).isEqualTo(3);
                assertThat(CliRun.of("address", BOB, "--data", data.toString(), "--json").exitCode()).isEqualTo(3);
                assertThat(transfers(data, replacements.get(1))).containsExactlyElementsOf(with(replacements.get(1),
                        line("native", c.sender, LOST, BigInteger.valueOf(500))));
                JsonNode carol = json(CliRun.of("address", CAROL, "--data", data.toString(), "--json"));
                assertThat(carol.at("/assets/0/received/units").asText()).as("300 was orphaned").isEqualTo("600");
            }
        }
    }

    private static Path ingest(String dialect, String url, long to, String tipHash) throws IOException {
        Path data = tmp.resolve(dialect + "-" + url.substring(url.lastIndexOf(':') + 1));
        CliRun r = CliRun.of("ingest", "ethereum", "--rpc", url, "--traces", dialect, "--to", Long.toString(to),
                "--data", data.toString(), "--json");
        JsonNode j = json(r);
        assertThat(j.get("blocks_applied").asLong()).isEqualTo(to + 1);
        assertThat(j.get("tip_hash").asText()).isEqualTo(tipHash);
        return data;
    }

    /** The transfers of a transaction as cordon shows them: "kind from to units", in position order. */
    private static List<String> transfers(Path data, Sent tx) throws IOException {
        JsonNode j = json(CliRun.of("tx", tx.hash(), "--data", data.toString(), "--json"));
        assertThat(j.get("block_height").asLong()).isEqualTo(tx.height());
        List<String> out = new ArrayList<>();
        int position = 0;
        for (JsonNode t : j.get("transfers")) {
            assertThat(t.get("position").asInt()).isEqualTo(position++);
            out.add(line(t.get("kind").asText(), t.get("from").asText(), t.get("to").asText(),
                    new BigInteger(t.at("/amount/units").asText())));
        }
        return out;
    }

    private static List<String> with(Sent tx, String... flows) {
        List<String> all = new ArrayList<>(tx.fees());
        all.addAll(List.of(flows));
        return all;
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    private static String checksummed(String address) {
        return EthAddresses.checksummed(EthAddresses.parse(address));
    }

    private static byte[] calldata(Function f) {
        return Hex.decode(FunctionEncoder.encode(f).substring(2), "calldata");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
