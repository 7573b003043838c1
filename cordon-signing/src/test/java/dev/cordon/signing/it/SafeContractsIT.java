package dev.cordon.signing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Clock;
import dev.cordon.core.Hex;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.ethereum.rpc.BlockTag;
import dev.cordon.ethereum.rpc.CallRequest;
import dev.cordon.ethereum.rpc.Quantities;
import dev.cordon.ethereum.rpc.Receipt;
import dev.cordon.signing.Operation;
import dev.cordon.signing.Review;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.SigningGuard;
import dev.cordon.signing.chain.AuditReport;
import dev.cordon.signing.chain.SafeAuditor;
import dev.cordon.signing.chain.SafeReader;
import dev.cordon.signing.chain.SafeState;
import dev.cordon.signing.deploy.SafeDeployments;
import dev.cordon.signing.policy.Check;
import dev.cordon.signing.policy.CounterpartyRisk;
import dev.cordon.signing.policy.PolicySettings;
import dev.cordon.signing.policy.SigningPolicy;
import dev.cordon.signing.policy.Verdict;
import dev.cordon.signing.policy.WalletContext;
import dev.cordon.signing.sig.SignatureStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The signing guard against the real Safe contracts (npm artifacts of 1.1.1, 1.3.0 and 1.4.1) on a
 * real Anvil node: cordon's safeTxHash equals each contract's getTransactionHash for many random
 * transactions; signed transactions execute; and the Bybit attack is reproduced on a 1.1.1 Safe
 * whose master copy sits at the canonical mainnet address (the node runs with chain id 1).
 */
class SafeContractsIT {
    static final String V111 = "gnosis-safe-contracts-1.1.1/build/contracts/";
    static final String V130 = "gnosis-safe-contracts-1.3.0/build/artifacts/contracts/";
    static final String V141 = "@safe-global/safe-contracts/build/artifacts/contracts/";
    static final Address CANONICAL_111 = EthAddresses.parse("0x34CfAC646f301356fAa8B21e94227e3583Fe3F5F");

    static AnvilNode node;
    static Address sender;
    static final long SEED = System.nanoTime();
    static final Random RND = new Random(SEED);
    static final List<ECKeyPair> OWNERS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        System.out.println("SafeContractsIT seed " + SEED);
        node = AnvilNode.start(1);
        sender = Quantities.address(node.rpc().client().call("eth_accounts").get(0), "eth_accounts[0]");
        for (int i = 0; i < 3; i++) {
            OWNERS.add(ECKeyPair.create(new BigInteger(250, RND).add(BigInteger.ONE)));
        }
        OWNERS.sort(Comparator.comparing(k -> Keys.getAddress(k)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void safeTxHash_equalsContractGetTransactionHash_forEveryVersion() throws Exception {
        for (SafeVersion v : List.of(SafeVersion.V1_1_1, SafeVersion.V1_3_0, SafeVersion.V1_4_1)) {
            Address safe = newSafe(v, 2);
            SafeReader reader = new SafeReader(node.rpc());
            for (int i = 0; i < 40; i++) {
                SafeTransaction tx = randomTx(safe, v);
                assertThat(SafeHasher.hash(tx).signedHash()).as(v + " tx " + i + " " + tx)
                        .isEqualTo(reader.getTransactionHash(tx));
            }
            SafeState s = reader.read(safe);
            assertThat(s.version()).contains(v);
            assertThat(s.threshold().getAsInt()).isEqualTo(2);
            assertThat(new HashSet<>(s.owners())).isEqualTo(new HashSet<>(owners()));
        }
    }

    @Test
    void signedTransactions_execute_andForeignSignaturesAreReported() throws Exception {
        for (SafeVersion v : List.of(SafeVersion.V1_1_1, SafeVersion.V1_3_0, SafeVersion.V1_4_1)) {
            Address safe = newSafe(v, 2);
            send(Optional.of(safe), HexData.EMPTY, BigInteger.TEN.pow(18));
            Address payee = EthAddresses.fromBytes(randomBytes(20));
            SafeTransaction tx = SafeTransaction.call(safe, 1, v, payee, BigInteger.valueOf(12345), HexData.EMPTY,
                    Operation.CALL, BigInteger.ZERO);
            byte[] sigs = sign(tx, OWNERS.get(0), OWNERS.get(1));
            SafeReader reader = new SafeReader(node.rpc());
            SafeState state = reader.read(safe);
            Review ok = guard().review(tx, evidence(state, reader, HexData.of(sigs)));
            assertThat(ok.result().verdict()).as(v.text()).isEqualTo(Verdict.ALLOW);
            assertThat(ok.signatures()).extracting(c -> c.status()).containsOnly(SignatureStatus.VALID);
            SafeTransaction other = SafeTransaction.call(safe, 1, v, payee, BigInteger.valueOf(99), HexData.EMPTY,
                    Operation.CALL, BigInteger.ZERO);
            Review foreign = guard().review(tx, evidence(state, reader, HexData.of(sign(other, OWNERS.get(0)))));
            assertThat(foreign.signatures().get(0).status()).isEqualTo(SignatureStatus.WRONG_TRANSACTION);
            assertThat(foreign.result().has(Check.SIGNATURE)).isTrue();
            assertThat(execute(tx, sigs).success()).isTrue();
            assertThat(balance(payee)).isEqualTo(BigInteger.valueOf(12345));
            assertThat(reader.read(safe).nonce()).contains(BigInteger.ONE);
        }
    }

    @Test
    void bybitAttack_blockedBeforeExecution_andAuditSeesTheNewMasterCopyAfter() throws Exception {
        byte[] runtime = TestTools.deployedBytecode(V111 + "GnosisSafe.json");
        node.rpc().client().call("anvil_setCode", CANONICAL_111.value(), HexData.of(runtime).hex());
        Address safe = proxy(V111 + "Proxy.json", CANONICAL_111);
        setup(safe, 2);
        send(Optional.of(safe), HexData.EMPTY, BigInteger.TEN.pow(19));
        Map<String, byte[]> code = TestTools.compile(Path.of("src/test/resources/dev/cordon/signing/it/BybitReplica.sol"),
                List.of("SlotZeroTrojan", "SweepBackdoor"));
        Address trojan = deploy(code.get("SlotZeroTrojan"));
        Address backdoor = deploy(code.get("SweepBackdoor"));
        SafeReader reader = new SafeReader(node.rpc());
        SafeAuditor auditor = new SafeAuditor(SafeDeployments.bundled(), Clock.system());
        AuditReport before = auditor.audit(reader.read(safe), reader::code);
        assertThat(before.masterCopy()).isPresent();
        // The npm 1.1.1 artifact's runtime code hashes to the code hash Safe publishes for the mainnet singleton.
        assertThat(before.has("safe-master-copy")).as(before.findings().toString()).isFalse();
        assertThat(before.has("safe-getters")).isFalse();
        assertThat(before.state().masterCopy()).isEqualTo(CANONICAL_111);

        HexData data = HexData.parse(FunctionEncoder.encode(new Function("transfer", List.<Type>of(
                new org.web3j.abi.datatypes.Address(backdoor.value()), new Uint256(0)), List.of())), "data");
        SafeTransaction attack = new SafeTransaction(safe, BigInteger.ONE, SafeVersion.V1_1_1, trojan, BigInteger.ZERO,
                data, Operation.DELEGATECALL, BigInteger.valueOf(45746), BigInteger.ZERO, BigInteger.ZERO,
                EthAddresses.ZERO, EthAddresses.ZERO, BigInteger.ZERO);
        byte[] sigs = sign(attack, OWNERS.get(0), OWNERS.get(1));
        Review review = guard().review(attack, evidence(reader.read(safe), reader, HexData.of(sigs)));
        assertThat(review.result().verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(review.result().reasons().get(0).check()).isEqualTo(Check.DELEGATECALL);
        assertThat(review.result().reasons().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(review.signatures()).extracting(c -> c.status()).containsOnly(SignatureStatus.VALID);

        assertThat(execute(attack, sigs).success()).isTrue();
        AuditReport after = auditor.audit(reader.read(safe), reader::code);
        assertThat(after.state().masterCopy()).isEqualTo(backdoor);
        assertThat(after.masterCopy()).isEmpty();
        assertThat(after.findings().get(0).detector()).isEqualTo("safe-master-copy");
        assertThat(after.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(after.state().readErrors()).isNotEmpty();
    }

    static SigningGuard guard() {
        return new SigningGuard(new SigningPolicy(PolicySettings.defaults(), SafeDeployments.bundled(), CounterpartyRisk.none()));
    }

    static SigningGuard.Evidence evidence(SafeState s, SafeReader reader, HexData sigs) {
        WalletContext ctx = new WalletContext(s.nonce(), new HashSet<>(s.owners()), s.threshold(), List.of(), List.of(),
                Optional.of(reader::code));
        return new SigningGuard.Evidence(ctx, Optional.of(s), Optional.empty(), Optional.of(sigs), List.of(),
                Optional.of(reader));
    }

    static List<Address> owners() {
        return OWNERS.stream().map(k -> EthAddresses.parse("0x" + Keys.getAddress(k))).toList();
    }

    static Address newSafe(SafeVersion v, int threshold) throws Exception {
        String singleton = switch (v) {
            case V1_1_1 -> V111 + "GnosisSafe.json";
            case V1_3_0 -> V130 + "GnosisSafe.sol/GnosisSafe.json";
            default -> V141 + "Safe.sol/Safe.json";
        };
        String proxy = switch (v) {
            case V1_1_1 -> V111 + "Proxy.json";
            case V1_3_0 -> V130 + "proxies/GnosisSafeProxy.sol/GnosisSafeProxy.json";
            default -> V141 + "proxies/SafeProxy.sol/SafeProxy.json";
        };
        Address master = deploy(TestTools.bytecode(singleton));
        Address safe = proxy(proxy, master);
        setup(safe, threshold);
        return safe;
    }

    static Address proxy(String artifact, Address master) throws Exception {
        byte[] code = TestTools.bytecode(artifact);
        String arg = org.web3j.abi.TypeEncoder.encode(new org.web3j.abi.datatypes.Address(master.value()));
        return deploy(concat(code, Hex.decode(arg, "arg")));
    }

    static void setup(Address safe, int threshold) {
        List<org.web3j.abi.datatypes.Address> os = owners().stream()
                .map(a -> new org.web3j.abi.datatypes.Address(a.value())).toList();
        Function f = new Function("setup", List.<Type>of(new DynamicArray<>(org.web3j.abi.datatypes.Address.class, os),
                new Uint256(threshold), new org.web3j.abi.datatypes.Address(EthAddresses.ZERO.value()),
                new DynamicBytes(new byte[0]), new org.web3j.abi.datatypes.Address(EthAddresses.ZERO.value()),
                new org.web3j.abi.datatypes.Address(EthAddresses.ZERO.value()), new Uint256(0),
                new org.web3j.abi.datatypes.Address(EthAddresses.ZERO.value())), List.of());
        assertThat(send(Optional.of(safe), HexData.parse(FunctionEncoder.encode(f), "setup"), BigInteger.ZERO).success()).isTrue();
    }

    static Receipt execute(SafeTransaction tx, byte[] sigs) {
        Function f = new Function("execTransaction", List.<Type>of(new org.web3j.abi.datatypes.Address(tx.to().value()),
                new Uint256(tx.value()), new DynamicBytes(tx.data().bytes()), new Uint8(tx.operation().code()),
                new Uint256(tx.safeTxGas()), new Uint256(tx.baseGas()), new Uint256(tx.gasPrice()),
                new org.web3j.abi.datatypes.Address(tx.gasToken().value()),
                new org.web3j.abi.datatypes.Address(tx.refundReceiver().value()), new DynamicBytes(sigs)), List.of());
        return send(Optional.of(tx.safe()), HexData.parse(FunctionEncoder.encode(f), "exec"), BigInteger.ZERO);
    }

    static byte[] sign(SafeTransaction tx, ECKeyPair... keys) {
        Bytes32 h = SafeHasher.hash(tx).signedHash();
        byte[] out = new byte[0];
        for (ECKeyPair k : keys) {
            Sign.SignatureData sd = Sign.signMessage(h.bytes(), k, false);
            out = concat(out, concat(concat(sd.getR(), sd.getS()), sd.getV()));
        }
        return out;
    }

    static Address deploy(byte[] code) {
        Receipt r = send(Optional.empty(), HexData.of(code), BigInteger.ZERO);
        assertThat(r.success()).isTrue();
        return r.contractAddress().orElseThrow();
    }

    static Receipt send(Optional<Address> to, HexData data, BigInteger value) {
        Bytes32 h = node.rpc().sendTransaction(CallRequest.send(sender, to, value, data).withGas(BigInteger.valueOf(15_000_000)));
        for (int i = 0; i < 200; i++) {
            Optional<Receipt> r = node.rpc().getTransactionReceipt(h);
            if (r.isPresent()) {
                return r.get();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no receipt for " + h.prefixed());
    }

    static BigInteger balance(Address a) {
        return Quantities.quantity(node.rpc().client().call("eth_getBalance", a.value(), BlockTag.LATEST.value()), "balance");
    }

    static SafeTransaction randomTx(Address safe, SafeVersion v) {
        return new SafeTransaction(safe, BigInteger.ONE, v, EthAddresses.fromBytes(randomBytes(20)),
                new BigInteger(RND.nextInt(200), RND), HexData.of(randomBytes(RND.nextInt(300))),
                RND.nextBoolean() ? Operation.CALL : Operation.DELEGATECALL, new BigInteger(RND.nextInt(64), RND),
                new BigInteger(RND.nextInt(64), RND), new BigInteger(RND.nextInt(80), RND),
                RND.nextBoolean() ? EthAddresses.ZERO : EthAddresses.fromBytes(randomBytes(20)),
                RND.nextBoolean() ? EthAddresses.ZERO : EthAddresses.fromBytes(randomBytes(20)),
                new BigInteger(RND.nextInt(64), RND));
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RND.nextBytes(b);
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
