package dev.cordon.signing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import dev.cordon.signing.Review;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.chain.SafeReader;
import dev.cordon.signing.chain.SafeState;
import dev.cordon.signing.policy.Verdict;
import dev.cordon.signing.sig.SignatureCheck;
import dev.cordon.signing.sig.SignatureStatus;
import dev.cordon.signing.testing.AnvilNode;
import dev.cordon.signing.testing.SafeFixtures;
import dev.cordon.signing.testing.SafeFixtures.SigPart;
import dev.cordon.signing.testing.TestTools;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

/**
 * A Safe owned by another Safe, on a real Anvil node: the inner Safe 1.3.0 (with its
 * CompatibilityFallbackHandler, which answers EIP-1271 {@code isValidSignature}) approves an outer
 * Safe's transactions either with a contract signature or on chain with {@code approveHash}. Its
 * owners sign a SafeMessage holding what the outer Safe will pass to {@code isValidSignature}: the
 * transaction pre-image for an outer Safe up to 1.4.1 (legacy form), the safeTxHash for 1.5.0.
 * cordon must accept exactly what the outer Safe accepts.
 */
class NestedSafesIT {
    static final long SEED = System.nanoTime();
    static AnvilNode node;
    static SafeFixtures fx;
    static Address inner;
    static Address outer;
    static Address outer150;

    @BeforeAll
    static void start() throws Exception {
        System.out.println("NestedSafesIT seed " + SEED);
        node = AnvilNode.start(1);
        fx = new SafeFixtures(node, new Random(SEED), 3);
        Address handler = fx.deploy(TestTools.bytecode(SafeFixtures.HANDLER_130));
        inner = fx.newSafe(SafeVersion.V1_3_0, List.of(fx.ownerAddresses().get(0), fx.ownerAddresses().get(1)), 2, handler);
        outer = fx.newSafe(SafeVersion.V1_4_1, List.of(inner, fx.ownerAddresses().get(2)), 2, EthAddresses.ZERO);
        outer150 = fx.newSafe(SafeVersion.V1_5_0, List.of(inner, fx.ownerAddresses().get(2)), 2, EthAddresses.ZERO);
        fx.send(Optional.of(outer), HexData.EMPTY, BigInteger.TEN.pow(18));
        fx.send(Optional.of(outer150), HexData.EMPTY, BigInteger.TEN.pow(18));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void safeMessageHash_equalsTheHandlersGetMessageHash() {
        for (int i = 0; i < 5; i++) {
            byte[] message = new byte[i * 37];
            new Random(SEED + i).nextBytes(message);
            HexData onChain = fx.call(inner, new Function("getMessageHash", List.<Type>of(new DynamicBytes(message)),
                    List.of()));
            assertThat(SafeHasher.messageHash(inner, BigInteger.ONE, SafeVersion.V1_3_0, HexData.of(message))
                    .signedHash().prefixed()).isEqualTo(onChain.hex());
        }
    }

    @Test
    void contractSignature_ofInnerSafe_isVerifiedByIsValidSignature_andExecutes() {
        for (Address o : List.of(outer, outer150)) {
            SafeVersion v = o.equals(outer) ? SafeVersion.V1_4_1 : SafeVersion.V1_5_0;
            BigInteger nonce = new SafeReader(node.rpc()).read(o).nonce().orElseThrow();
            BigInteger before = fx.balance(payee());
            SafeTransaction tx = transfer(o, v, 777, nonce);
            SafeTransaction other = transfer(o, v, 778, nonce);
            byte[] good = outerSignatures(tx, innerApprovalOf(tx));
            byte[] wrong = outerSignatures(tx, innerApprovalOf(other));

            Review ok = review(tx, good);
            assertThat(ok.signatures()).extracting(SignatureCheck::type).containsExactlyInAnyOrder("contract", "eip712");
            assertThat(ok.signatures()).as(v.text()).extracting(SignatureCheck::status).containsOnly(SignatureStatus.VALID);
            assertThat(contractCheck(ok).signer()).contains(inner);
            assertThat(ok.result().verdict()).isEqualTo(Verdict.ALLOW);

            Review bad = review(tx, wrong);
            assertThat(contractCheck(bad).status()).as(v.text()).isEqualTo(SignatureStatus.WRONG_TRANSACTION);
            assertThat(bad.result().verdict()).isEqualTo(Verdict.BLOCK);

            assertThat(fx.execute(tx, wrong).success()).as("the outer Safe must reject the wrong approval too").isFalse();
            assertThat(fx.execute(tx, good).success()).as(v.text()).isTrue();
            assertThat(fx.balance(payee()).subtract(before)).isEqualTo(BigInteger.valueOf(777));
        }
    }

    @Test
    void contractSignature_inTheFormOfAnotherSafeVersion_isRejectedLikeTheSafeDoes() {
        BigInteger nonce = new SafeReader(node.rpc()).read(outer).nonce().orElseThrow();
        SafeTransaction tx = transfer(outer, SafeVersion.V1_4_1, 5, nonce);
        // A SafeMessage over the safeTxHash satisfies isValidSignature(bytes32,bytes), which Safe 1.4.1 never asks.
        Bytes32 msg = SafeHasher.messageHash(inner, BigInteger.ONE, SafeVersion.V1_3_0,
                HexData.of(SafeHasher.hash(tx).signedHash().bytes())).signedHash();
        byte[] sigs = outerSignatures(tx, SafeFixtures.signHash(msg, fx.key(0), fx.key(1)));
        assertThat(contractCheck(review(tx, sigs)).status()).isEqualTo(SignatureStatus.WRONG_TRANSACTION);
        assertThat(fx.execute(tx, sigs).success()).isFalse();
    }

    @Test
    void approvedHash_byInnerSafe_isSeenOnChain_andExecutes() throws Exception {
        BigInteger nonce = new SafeReader(node.rpc()).read(outer).nonce().orElseThrow();
        SafeTransaction tx = transfer(outer, SafeVersion.V1_4_1, 1001, nonce);
        Bytes32 h = SafeHasher.hash(tx).signedHash();
        byte[] sigs = SafeFixtures.pack(List.of(SigPart.approved(inner), SigPart.ecdsa(fx.key(2), h)));
        assertThat(approvedCheck(review(tx, sigs)).status()).isEqualTo(SignatureStatus.UNVERIFIED);

        // The inner Safe calls outer.approveHash(h) with its own owners' signatures.
        HexData call = HexData.parse(FunctionEncoder.encode(new Function("approveHash",
                List.<Type>of(new org.web3j.abi.datatypes.generated.Bytes32(h.bytes())), List.of())), "approveHash");
        BigInteger innerNonce = new SafeReader(node.rpc()).read(inner).nonce().orElseThrow();
        SafeTransaction approve = SafeTransaction.call(inner, 1, SafeVersion.V1_3_0, outer, BigInteger.ZERO, call,
                Operation.CALL, innerNonce);
        assertThat(fx.execute(approve, SafeFixtures.sign(approve, fx.key(0), fx.key(1))).success()).isTrue();

        Review r = review(tx, sigs);
        assertThat(approvedCheck(r).status()).isEqualTo(SignatureStatus.VALID);
        assertThat(approvedCheck(r).signer()).contains(inner);
        assertThat(r.result().verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(fx.execute(tx, sigs).success()).isTrue();
    }

    static SafeTransaction transfer(Address safe, SafeVersion v, long wei, BigInteger nonce) {
        return SafeTransaction.call(safe, 1, v, payee(), BigInteger.valueOf(wei), HexData.EMPTY, Operation.CALL, nonce);
    }

    static Address payee() {
        return EthAddresses.parse("0x00000000000000000000000000000000000c0de5");
    }

    /**
     * The inner Safe's owners sign the SafeMessage (in the inner Safe's domain) of what the outer
     * Safe passes to isValidSignature: the pre-image up to 1.4.1, the safeTxHash from 1.5.0.
     */
    static byte[] innerApprovalOf(SafeTransaction outerTx) {
        byte[] asked = outerTx.version().atLeast(SafeVersion.V1_5_0) ? SafeHasher.hash(outerTx).signedHash().bytes()
                : SafeHasher.transactionData(outerTx);
        Bytes32 msg = SafeHasher.messageHash(inner, BigInteger.ONE, SafeVersion.V1_3_0, HexData.of(asked)).signedHash();
        return SafeFixtures.signHash(msg, fx.key(0), fx.key(1));
    }

    static byte[] outerSignatures(SafeTransaction tx, byte[] innerSignature) {
        return SafeFixtures.pack(List.of(SigPart.contract(inner, innerSignature),
                SigPart.ecdsa(fx.key(2), SafeHasher.hash(tx).signedHash())));
    }

    static Review review(SafeTransaction tx, byte[] sigs) {
        SafeReader reader = new SafeReader(node.rpc());
        SafeState state = reader.read(tx.safe());
        return SafeContractsIT.guard().review(tx, SafeContractsIT.evidence(state, reader, HexData.of(sigs)));
    }

    static SignatureCheck contractCheck(Review r) {
        return r.signatures().stream().filter(c -> c.type().equals("contract")).findFirst().orElseThrow();
    }

    static SignatureCheck approvedCheck(Review r) {
        return r.signatures().stream().filter(c -> c.type().equals("approved_hash")).findFirst().orElseThrow();
    }
}
