package dev.cordon.signing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Clock;
import dev.cordon.core.Severity;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
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
import dev.cordon.signing.testing.AnvilNode;
import dev.cordon.signing.testing.SafeFixtures;
import dev.cordon.signing.testing.TestTools;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The signing guard against the real Safe contracts (npm artifacts of 1.0.0, 1.1.1, 1.2.0, 1.3.0,
 * 1.4.1 and 1.5.0) on a real Anvil node: cordon's safeTxHash equals each contract's getTransactionHash for many random
 * transactions; signed transactions execute; and the Bybit attack is reproduced on a 1.1.1 Safe
 * whose master copy sits at the canonical mainnet address (the node runs with chain id 1).
 */
class SafeContractsIT {
    /** Every Safe version published on npm with compiled artifacts (0.1.0, 1.1.0 and 1.4.0 are not). */
    static final List<SafeVersion> VERSIONS = List.of(SafeVersion.V1_0_0, SafeVersion.V1_1_1, SafeVersion.V1_2_0,
            SafeVersion.V1_3_0, SafeVersion.V1_4_1, SafeVersion.V1_5_0);

    static AnvilNode node;
    static SafeFixtures fx;
    static final long SEED = System.nanoTime();
    static final Random RND = new Random(SEED);

    @BeforeAll
    static void start() throws Exception {
        System.out.println("SafeContractsIT seed " + SEED);
        node = AnvilNode.start(1);
        fx = new SafeFixtures(node, RND, 3);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void safeTxHash_equalsContractGetTransactionHash_forEveryVersion() throws Exception {
        for (SafeVersion v : VERSIONS) {
            Address safe = fx.newSafe(v, 2);
            SafeReader reader = new SafeReader(node.rpc());
            for (int i = 0; i < 40; i++) {
                SafeTransaction tx = randomTx(safe, v);
                assertThat(SafeHasher.hash(tx).signedHash()).as(v + " tx " + i + " " + tx)
                        .isEqualTo(reader.getTransactionHash(tx));
            }
            SafeState s = reader.read(safe);
            assertThat(s.version()).contains(v);
            assertThat(s.threshold().getAsInt()).isEqualTo(2);
            assertThat(new HashSet<>(s.owners())).isEqualTo(new HashSet<>(fx.ownerAddresses()));
            assertThat(s.modules()).isEmpty();
            assertThat(s.readErrors()).as(v.text()).isEmpty();
        }
    }

    @Test
    void signedTransactions_execute_andForeignSignaturesAreReported() throws Exception {
        for (SafeVersion v : VERSIONS) {
            Address safe = fx.newSafe(v, 2);
            fx.send(Optional.of(safe), HexData.EMPTY, BigInteger.TEN.pow(18));
            Address payee = EthAddresses.fromBytes(randomBytes(20));
            SafeTransaction tx = SafeTransaction.call(safe, 1, v, payee, BigInteger.valueOf(12345), HexData.EMPTY,
                    Operation.CALL, BigInteger.ZERO);
            byte[] sigs = SafeFixtures.sign(tx, fx.key(0), fx.key(1));
            SafeReader reader = new SafeReader(node.rpc());
            SafeState state = reader.read(safe);
            Review ok = guard().review(tx, evidence(state, reader, HexData.of(sigs)));
            assertThat(ok.result().verdict()).as(v.text()).isEqualTo(Verdict.ALLOW);
            assertThat(ok.signatures()).extracting(c -> c.status()).containsOnly(SignatureStatus.VALID);
            SafeTransaction other = SafeTransaction.call(safe, 1, v, payee, BigInteger.valueOf(99), HexData.EMPTY,
                    Operation.CALL, BigInteger.ZERO);
            Review foreign = guard().review(tx, evidence(state, reader, HexData.of(SafeFixtures.sign(other, fx.key(0)))));
            assertThat(foreign.signatures().get(0).status()).isEqualTo(SignatureStatus.WRONG_TRANSACTION);
            assertThat(foreign.result().has(Check.SIGNATURE)).isTrue();
            assertThat(fx.execute(tx, sigs).success()).isTrue();
            assertThat(fx.balance(payee)).isEqualTo(BigInteger.valueOf(12345));
            assertThat(reader.read(safe).nonce()).contains(BigInteger.ONE);
        }
    }

    @Test
    void bybitAttack_blockedBeforeExecution_andAuditSeesTheNewMasterCopyAfter() throws Exception {
        Address safe = fx.canonical111Safe();
        Map<String, byte[]> code = TestTools.compileResource("dev/cordon/signing/it/BybitReplica.sol",
                List.of("SlotZeroTrojan", "SweepBackdoor"));
        Address trojan = fx.deploy(code.get("SlotZeroTrojan"));
        Address backdoor = fx.deploy(code.get("SweepBackdoor"));
        SafeReader reader = new SafeReader(node.rpc());
        SafeAuditor auditor = new SafeAuditor(SafeDeployments.bundled(), Clock.system());
        AuditReport before = auditor.audit(reader.read(safe), reader::code);
        assertThat(before.masterCopy()).isPresent();
        // The npm 1.1.1 artifact's runtime code hashes to the code hash Safe publishes for the mainnet singleton.
        assertThat(before.has("safe-master-copy")).as(before.findings().toString()).isFalse();
        assertThat(before.has("safe-getters")).isFalse();
        assertThat(before.state().masterCopy()).isEqualTo(SafeFixtures.CANONICAL_111);

        HexData data = HexData.parse(FunctionEncoder.encode(new Function("transfer", List.<Type>of(
                new org.web3j.abi.datatypes.Address(backdoor.value()), new Uint256(0)), List.of())), "data");
        SafeTransaction attack = new SafeTransaction(safe, BigInteger.ONE, SafeVersion.V1_1_1, trojan, BigInteger.ZERO,
                data, Operation.DELEGATECALL, BigInteger.valueOf(45746), BigInteger.ZERO, BigInteger.ZERO,
                EthAddresses.ZERO, EthAddresses.ZERO, BigInteger.ZERO);
        byte[] sigs = SafeFixtures.sign(attack, fx.key(0), fx.key(1));
        Review review = guard().review(attack, evidence(reader.read(safe), reader, HexData.of(sigs)));
        assertThat(review.result().verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(review.result().reasons().get(0).check()).isEqualTo(Check.DELEGATECALL);
        assertThat(review.result().reasons().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(review.signatures()).extracting(c -> c.status()).containsOnly(SignatureStatus.VALID);

        assertThat(fx.execute(attack, sigs).success()).isTrue();
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
}
