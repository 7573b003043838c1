package dev.cordon.cli.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import dev.cordon.core.Address;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.chain.SafeReader;
import dev.cordon.signing.testing.AnvilNode;
import dev.cordon.signing.testing.SafeFixtures;
import dev.cordon.signing.testing.TestTools;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * {@code cordon safe audit|verify|message} run in-process against real Safe contracts deployed on a
 * real Anvil node (chain id 1), checking the JSON they print and their exit codes, and the Bybit
 * attack replayed: verify blocks it before execution, audit reports the overwritten master copy after.
 */
class SafeCommandsIT {
    static final long SEED = System.nanoTime();
    static AnvilNode node;
    static SafeFixtures fx;

    @BeforeAll
    static void start() throws Exception {
        System.out.println("SafeCommandsIT seed " + SEED);
        node = AnvilNode.start(1);
        fx = new SafeFixtures(node, new Random(SEED), 3);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void audit_deployedSafe130_readsOwnersThresholdVersion_andFlagsTheNonCanonicalMasterCopy() throws Exception {
        Address safe = fx.newSafe(SafeVersion.V1_3_0, 2);
        CliRun r = CliRun.of("safe", "audit", "--json", "--rpc", node.url(), "--safe", EthAddresses.checksummed(safe));
        JsonNode j = json(r);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(j.get("safe").asText()).isEqualTo(EthAddresses.checksummed(safe));
        assertThat(j.get("chainId").asLong()).isEqualTo(1);
        assertThat(j.get("version").asText()).isEqualTo("1.3.0");
        assertThat(texts(j.get("owners"))).containsExactlyInAnyOrderElementsOf(checksummed(fx.ownerAddresses()));
        assertThat(j.get("threshold").asInt()).isEqualTo(2);
        assertThat(j.get("nonce").asText()).isEqualTo("0");
        assertThat(j.get("masterCopyCanonical").isNull()).isTrue();
        assertThat(j.get("modules")).isEmpty();
        assertThat(j.get("readErrors")).isEmpty();
        assertThat(detectors(j)).contains("safe-master-copy");
    }

    @Test
    void verify_withRpc_readsVersionChainAndNonce_allowsASignedTransfer_andFlagsASkippedNonce() throws Exception {
        Address safe = fx.newSafe(SafeVersion.V1_4_1, 2);
        fx.send(Optional.of(safe), HexData.EMPTY, BigInteger.TEN.pow(18));
        Address payee = EthAddresses.parse("0x00000000000000000000000000000000000ba5e1");
        SafeTransaction tx = SafeTransaction.call(safe, 1, SafeVersion.V1_4_1, payee, BigInteger.valueOf(1000),
                HexData.EMPTY, Operation.CALL, BigInteger.ZERO);
        String sigs = HexData.of(SafeFixtures.sign(tx, fx.key(0), fx.key(1))).hex();
        CliRun ok = CliRun.of("safe", "verify", "--json", "--rpc", node.url(), "--safe", safe.value(),
                "--nonce", "0", "--to", payee.value(), "--value", "1000", "--signatures", sigs);
        JsonNode j = json(ok);
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isEqualTo(0);
        assertThat(j.get("verdict").asText()).isEqualTo("allow");
        assertThat(j.get("chainId").asText()).isEqualTo("1");
        assertThat(j.get("safeVersion").asText()).isEqualTo("1.4.1");
        assertThat(j.at("/hashes/safeTxHash").asText())
                .isEqualTo(new SafeReader(node.rpc()).getTransactionHash(tx).prefixed());
        assertThat(j.get("signatures")).hasSize(2);
        assertThat(j.get("signatures")).allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("valid"));

        CliRun ahead = CliRun.of("safe", "verify", "--json", "--rpc", node.url(), "--safe", safe.value(),
                "--nonce", "5", "--to", payee.value(), "--value", "1000");
        assertThat(ahead.exitCode()).isEqualTo(1);
        assertThat(checks(json(ahead))).contains("nonce");
        assertThat(fx.execute(tx, HexData.parse(sigs, "sigs").bytes()).success()).isTrue();
        CliRun replay = CliRun.of("safe", "verify", "--json", "--rpc", node.url(), "--safe", safe.value(),
                "--nonce", "0", "--to", payee.value(), "--value", "1000", "--signatures", sigs);
        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(checks(json(replay))).contains("nonce");
    }

    @Test
    void bybit_verifyBlocksBeforeExecution_andAuditReportsTheOverwrittenMasterCopyAfter() throws Exception {
        Address safe = fx.canonical111Safe();
        Map<String, byte[]> code = TestTools.compileResource("dev/cordon/signing/it/BybitReplica.sol",
                List.of("SlotZeroTrojan", "SweepBackdoor"));
        Address trojan = fx.deploy(code.get("SlotZeroTrojan"));
        Address backdoor = fx.deploy(code.get("SweepBackdoor"));
        JsonNode before = json(CliRun.of("safe", "audit", "--json", "--rpc", node.url(), "--safe", safe.value()));
        assertThat(before.get("masterCopy").asText()).isEqualTo(EthAddresses.checksummed(SafeFixtures.CANONICAL_111));
        assertThat(before.get("masterCopyCanonical").asText()).contains("1.1.1");
        assertThat(before.get("version").asText()).isEqualTo("1.1.1");
        assertThat(detectors(before)).doesNotContain("safe-master-copy");

        String data = FunctionEncoder.encode(new Function("transfer", List.<Type>of(SafeFixtures.abiAddress(backdoor),
                new Uint256(0)), List.of()));
        SafeTransaction attack = new SafeTransaction(safe, BigInteger.ONE, SafeVersion.V1_1_1, trojan, BigInteger.ZERO,
                HexData.parse(data, "data"), Operation.DELEGATECALL, BigInteger.valueOf(45746), BigInteger.ZERO,
                BigInteger.ZERO, EthAddresses.ZERO, EthAddresses.ZERO, BigInteger.ZERO);
        byte[] sigs = SafeFixtures.sign(attack, fx.key(0), fx.key(1));
        CliRun verify = CliRun.of("safe", "verify", "--json", "--rpc", node.url(), "--safe", safe.value(), "--nonce", "0",
                "--to", trojan.value(), "--data", data, "--operation", "1", "--safe-tx-gas", "45746",
                "--signatures", HexData.of(sigs).hex());
        JsonNode v = json(verify);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(v.get("verdict").asText()).isEqualTo("block");
        assertThat(v.at("/reasons/0/check").asText()).isEqualTo("delegatecall");
        assertThat(v.at("/reasons/0/severity").asText()).isEqualTo("critical");
        assertThat(v.get("safeVersion").asText()).isEqualTo("1.1.1");
        assertThat(v.get("signatures")).allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("valid"));

        assertThat(fx.execute(attack, sigs).success()).isTrue();
        CliRun audit = CliRun.of("safe", "audit", "--json", "--rpc", node.url(), "--safe", safe.value());
        JsonNode after = json(audit);
        assertThat(audit.exitCode()).isEqualTo(1);
        assertThat(after.get("masterCopy").asText()).isEqualTo(EthAddresses.checksummed(backdoor));
        assertThat(after.get("masterCopyCanonical").isNull()).isTrue();
        assertThat(after.at("/findings/0/detector").asText()).isEqualTo("safe-master-copy");
        assertThat(after.at("/findings/0/severity").asText()).isEqualTo("critical");
    }

    @Test
    void message_textAndTypedData_equalTheSafesOwnGetMessageHash(@TempDir Path dir) throws Exception {
        Address handler = fx.deploy(TestTools.bytecode(SafeFixtures.HANDLER_130));
        Address safe = fx.newSafe(SafeVersion.V1_3_0, fx.ownerAddresses(), 2, handler);
        CliRun text = CliRun.of("safe", "message", "--json", "--safe", safe.value(), "--chain-id", "1",
                "--safe-version", "1.3.0", "--message", "I approve the 2025 cold-wallet rotation");
        assertThat(text.exitCode()).as(text.err()).isEqualTo(0);
        JsonNode t = json(text);
        assertThat(t.get("messageKind").asText()).isEqualTo("eip191");
        assertThat(t.get("message").asText())
                .isEqualTo(SafeHasher.eip191Hash("I approve the 2025 cold-wallet rotation").prefixed());
        assertThat(t.at("/hashes/safeMessageHash").asText()).isEqualTo(onChainMessageHash(safe, t.get("message").asText()));

        Path mail = dir.resolve("mail.json");
        try (InputStream in = SafeCommandsIT.class.getClassLoader().getResourceAsStream("dev/cordon/signing/eip712/mail.json")) {
            Files.copy(in, mail);
        }
        CliRun typed = CliRun.of("safe", "message", "--json", "--safe", safe.value(), "--chain-id", "1",
                "--safe-version", "1.3.0", "--typed-data", mail.toString());
        JsonNode d = json(typed);
        assertThat(typed.exitCode()).as(typed.err()).isEqualTo(0);
        assertThat(d.at("/typedData/hash").asText())
                .isEqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
        assertThat(d.at("/hashes/safeMessageHash").asText()).isEqualTo(onChainMessageHash(safe, d.get("message").asText()));
    }

    /** {@code getMessageHash(bytes)} answered by the Safe's CompatibilityFallbackHandler. */
    static String onChainMessageHash(Address safe, String message) {
        return fx.call(safe, new Function("getMessageHash", List.<Type>of(new DynamicBytes(
                HexData.parse(message, "message").bytes())), List.of())).hex();
    }

    static JsonNode json(CliRun r) throws Exception {
        return Json.mapper().readTree(r.out());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> checksummed(List<Address> as) {
        return as.stream().map(EthAddresses::checksummed).toList();
    }

    static Set<String> detectors(JsonNode audit) {
        Set<String> out = new HashSet<>();
        audit.get("findings").forEach(f -> out.add(f.get("detector").asText()));
        return out;
    }

    static Set<String> checks(JsonNode review) {
        Set<String> out = new HashSet<>();
        review.get("reasons").forEach(f -> out.add(f.get("check").asText()));
        return out;
    }
}
