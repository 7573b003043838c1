package dev.cordon.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.CordonException;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SafeHasherTest {
    @Test
    void typeHash_matchesTheConstantsInTheSafeContracts() {
        // DOMAIN_SEPARATOR_TYPEHASH of GnosisSafe 1.0.0..1.2.0 and of Safe 1.3.0+, SAFE_TX_TYPEHASH
        // of 0.1.0 (dataGas) and 1.0.0+ (baseGas), SAFE_MSG_TYPEHASH.
        assertThat(SafeHasher.typeHash(SafeHasher.DOMAIN_TYPE_WITHOUT_CHAIN).prefixed())
                .isEqualTo("0x035aff83d86937d35b32e04f0ddc6ff469290eef2f1b692d8a815c89404d4749");
        assertThat(SafeHasher.typeHash(SafeHasher.DOMAIN_TYPE_WITH_CHAIN).prefixed())
                .isEqualTo("0x47e79534a245952e8b16893a336b85a3d9ea9fa8c573f3d803afb92a79469218");
        assertThat(SafeHasher.typeHash(SafeHasher.SAFE_TX_TYPE_0_1_0).prefixed())
                .isEqualTo("0x14d461bc7412367e924637b363c7bf29b8f47e2f84869f4426e5633d8af47b20");
        assertThat(SafeHasher.typeHash(SafeHasher.SAFE_TX_TYPE).prefixed())
                .isEqualTo("0xbb8310d486368db6bd6f849402fdd73ad53d316b5a4b2644ad6efe0f941286d8");
        assertThat(SafeHasher.typeHash(SafeHasher.SAFE_MESSAGE_TYPE).prefixed())
                .isEqualTo("0x60b3cbf8b4a223d68d641b3b6ddf9a298e7f33710cf3d3a9d1146b5a6150fbca");
    }

    @Test
    void hash_bybitTransaction_matchesThePubliclyReportedSafeTxHash() {
        SigningHashes h = SafeHasher.hash(Bybit.tx());
        // safeTxHash of the Bybit cold wallet's nonce-71 transaction, as reproduced on a mainnet fork
        // against the Safe's own getTransactionHash (see docs/SIGNING.md for the source).
        assertThat(h.signedHash().prefixed())
                .isEqualTo("0xb3476d061aeb8fc1d605a873c483a2402d88a68a9cdd1a8b47655dd55ba004f8");
        assertThat(SafeHasher.eip712(h.domainHash(), h.messageHash())).isEqualTo(h.signedHash());
    }

    @Test
    void domainSeparator_chainIdOnlyFrom130() {
        var safe = EthAddresses.parse(Bybit.SAFE);
        for (SafeVersion v : SafeVersion.values()) {
            var one = SafeHasher.domainSeparator(safe, BigInteger.ONE, v);
            var other = SafeHasher.domainSeparator(safe, BigInteger.TEN, v);
            assertThat(one.equals(other)).as(v.text()).isEqualTo(!v.domainHasChainId());
        }
    }

    @Test
    void structHash_010UsesDataGasTypeHash() {
        SafeTransaction t = Bybit.tx();
        SafeTransaction old = new SafeTransaction(t.safe(), t.chainId(), SafeVersion.V0_1_0, t.to(), t.value(), t.data(),
                t.operation(), t.safeTxGas(), t.baseGas(), t.gasPrice(), t.gasToken(), t.refundReceiver(), t.nonce());
        assertThat(SafeHasher.structHash(old)).isNotEqualTo(SafeHasher.structHash(t));
        SafeTransaction v100 = new SafeTransaction(t.safe(), t.chainId(), SafeVersion.V1_0_0, t.to(), t.value(), t.data(),
                t.operation(), t.safeTxGas(), t.baseGas(), t.gasPrice(), t.gasToken(), t.refundReceiver(), t.nonce());
        assertThat(SafeHasher.hash(v100)).isEqualTo(SafeHasher.hash(t));
    }

    @Test
    void hash_everyFieldChangesTheHash() {
        SafeTransaction t = Bybit.tx();
        SigningHashes base = SafeHasher.hash(t);
        SafeTransaction call = new SafeTransaction(t.safe(), t.chainId(), t.version(), t.to(), t.value(), t.data(),
                Operation.CALL, t.safeTxGas(), t.baseGas(), t.gasPrice(), t.gasToken(), t.refundReceiver(), t.nonce());
        SafeTransaction nonce = new SafeTransaction(t.safe(), t.chainId(), t.version(), t.to(), t.value(), t.data(),
                t.operation(), t.safeTxGas(), t.baseGas(), t.gasPrice(), t.gasToken(), t.refundReceiver(), BigInteger.valueOf(72));
        SafeTransaction data = new SafeTransaction(t.safe(), t.chainId(), t.version(), t.to(), t.value(), HexData.EMPTY,
                t.operation(), t.safeTxGas(), t.baseGas(), t.gasPrice(), t.gasToken(), t.refundReceiver(), t.nonce());
        assertThat(SafeHasher.hash(call).signedHash()).isNotEqualTo(base.signedHash());
        assertThat(SafeHasher.hash(nonce).signedHash()).isNotEqualTo(base.signedHash());
        assertThat(SafeHasher.hash(data).signedHash()).isNotEqualTo(base.signedHash());
        assertThat(SafeHasher.hash(call).domainHash()).isEqualTo(base.domainHash());
    }

    @Test
    void messageHash_matchesEip712OfSafeMessage() {
        var safe = EthAddresses.parse(Bybit.SAFE);
        SigningHashes m = SafeHasher.messageHash(safe, BigInteger.ONE, SafeVersion.V1_3_0,
                HexData.of(SafeHasher.eip191Hash("hello").bytes()));
        assertThat(m.domainHash()).isEqualTo(SafeHasher.domainSeparator(safe, BigInteger.ONE, SafeVersion.V1_3_0));
        assertThat(SafeHasher.eip191Hash("hello").prefixed())
                .isEqualTo("0x50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750");
        assertThatThrownBy(() -> SafeHasher.messageHash(safe, BigInteger.ONE, SafeVersion.V0_1_0, HexData.EMPTY))
                .isInstanceOf(CordonException.class);
    }

    @Test
    void deviceForm_isUppercaseWithPrefix() {
        SigningHashes h = SafeHasher.hash(Bybit.tx());
        assertThat(SigningHashes.deviceForm(h.domainHash())).startsWith("0x").isEqualTo("0x" + h.domainHash().hex().toUpperCase());
    }
}
