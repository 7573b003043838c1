package dev.cordon.signing.sig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class SignatureVerifierTest {
    static final ECKeyPair K1 = ECKeyPair.create(BigInteger.valueOf(0xA11CE));
    static final ECKeyPair K2 = ECKeyPair.create(BigInteger.valueOf(0xB0B));
    static final Address SAFE = EthAddresses.parse("0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4");

    static Address addr(ECKeyPair k) {
        return EthAddresses.parse("0x" + Keys.getAddress(k));
    }

    static SafeTransaction tx(long nonce) {
        return SafeTransaction.call(SAFE, 1, SafeVersion.V1_3_0, addr(K2), BigInteger.ONE, HexData.EMPTY,
                Operation.CALL, BigInteger.valueOf(nonce));
    }

    static byte[] sign(ECKeyPair k, Bytes32 hash, boolean ethSign) {
        byte[] digest = ethSign ? SafeHasher.eip191Hash(hash.bytes()).bytes() : hash.bytes();
        Sign.SignatureData sd = Sign.signMessage(digest, k, false);
        byte[] out = new byte[65];
        System.arraycopy(sd.getR(), 0, out, 0, 32);
        System.arraycopy(sd.getS(), 0, out, 32, 32);
        out[64] = (byte) ((sd.getV()[0] & 0xff) + (ethSign ? 4 : 0));
        return out;
    }

    @Test
    void verifyClaimed_eip712AndEthSign_valid() {
        Bytes32 h = SafeHasher.hash(tx(5)).signedHash();
        SignatureVerifier v = new SignatureVerifier(tx(5), Set.of(addr(K1), addr(K2)), Optional.empty(), Optional.empty());
        assertThat(v.verifyClaimed(addr(K1), HexData.of(sign(K1, h, false)), "c0").status()).isEqualTo(SignatureStatus.VALID);
        assertThat(v.verifyClaimed(addr(K2), HexData.of(sign(K2, h, true)), "c1").status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void verifyClaimed_signatureForAnotherTransaction_reportedWithTheClaimedHash() {
        SafeTransaction shown = tx(5);
        SafeTransaction signed = tx(6);
        Bytes32 signedHash = SafeHasher.hash(signed).signedHash();
        SignatureVerifier v = new SignatureVerifier(shown, Set.of(addr(K1)), Optional.empty(), Optional.of(signedHash));
        SignatureCheck c = v.verifyClaimed(addr(K1), HexData.of(sign(K1, signedHash, false)), "c0");
        assertThat(c.status()).isEqualTo(SignatureStatus.WRONG_TRANSACTION);
        assertThat(c.message()).contains(signedHash.prefixed());
        SignatureVerifier noClaim = new SignatureVerifier(shown, Set.of(addr(K1)), Optional.empty(), Optional.empty());
        assertThat(noClaim.verifyClaimed(addr(K1), HexData.of(sign(K1, signedHash, false)), "c0").status())
                .isEqualTo(SignatureStatus.WRONG_TRANSACTION);
    }

    @Test
    void verifyConcatenated_orderOwnersApprovedAndContract() {
        Bytes32 h = SafeHasher.hash(tx(5)).signedHash();
        List<ECKeyPair> keys = addr(K1).compareTo(addr(K2)) < 0 ? List.of(K1, K2) : List.of(K2, K1);
        byte[] ok = concat(sign(keys.get(0), h, false), sign(keys.get(1), h, false));
        SignatureVerifier v = new SignatureVerifier(tx(5), Set.of(addr(K1), addr(K2)), Optional.empty(), Optional.empty());
        assertThat(v.verifyConcatenated(HexData.of(ok), "s")).extracting(SignatureCheck::status)
                .containsExactly(SignatureStatus.VALID, SignatureStatus.VALID);
        byte[] reversed = concat(sign(keys.get(1), h, false), sign(keys.get(0), h, false));
        assertThat(v.verifyConcatenated(HexData.of(reversed), "s")).extracting(SignatureCheck::status)
                .containsExactly(SignatureStatus.VALID, SignatureStatus.INVALID);
        SignatureVerifier onlyK1 = new SignatureVerifier(tx(5), Set.of(addr(K1)), Optional.empty(), Optional.empty());
        assertThat(onlyK1.verifyClaimed(addr(K2), HexData.of(sign(K2, h, false)), "c").status())
                .isEqualTo(SignatureStatus.NOT_OWNER);
        byte[] approved = new byte[65];
        System.arraycopy(EthAddresses.toBytes(addr(K1)), 0, approved, 12, 20);
        approved[64] = 1;
        assertThat(v.verifyConcatenated(HexData.of(approved), "s").get(0).status()).isEqualTo(SignatureStatus.UNVERIFIED);
        byte[] contract = new byte[65 + 32 + 4];
        System.arraycopy(EthAddresses.toBytes(addr(K2)), 0, contract, 12, 20);
        contract[63] = 65;
        contract[65 + 31] = 4;
        assertThat(v.verifyConcatenated(HexData.of(contract), "s").get(0).type()).isEqualTo("contract");
    }

    @Test
    void parse_lyingContractOffsetOrBadV_isMalformedNotACrash() {
        byte[] bad = new byte[65];
        bad[63] = (byte) 200;
        bad[64] = 0;
        SignatureVerifier v = new SignatureVerifier(tx(5), Set.of(), Optional.empty(), Optional.empty());
        assertThat(v.verifyConcatenated(HexData.of(bad), "s").get(0).status()).isEqualTo(SignatureStatus.INVALID);
        bad[64] = 29;
        assertThat(v.verifyConcatenated(HexData.of(bad), "s").get(0).message()).contains("v is 29");
        assertThat(v.verifyConcatenated(HexData.of(Hex.decode("00ff", "x")), "s").get(0).status())
                .isEqualTo(SignatureStatus.INVALID);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
