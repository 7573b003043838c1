package dev.cordon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferTest {
    private static final Address A = new Address(Chain.ETHEREUM, "0x" + "a".repeat(40));
    private static final Address T = new Address(Chain.ETHEREUM, "0x" + "7".repeat(40));
    private static final TxId TX = new TxId(new byte[32]);

    @Test
    void kindIds_areStableAndRoundTrip() {
        int[] expected = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        for (TransferKind k : TransferKind.values()) {
            assertThat(k.id()).isEqualTo(expected[k.ordinal()]);
            assertThat(TransferKind.ofId(k.id())).isEqualTo(k);
        }
        assertThat(TransferKind.ERC1155.id()).isEqualTo(8);
        assertThatThrownBy(() -> TransferKind.ofId(11)).isInstanceOf(CordonException.class);
    }

    @Test
    void new_rejectsMismatchedAssetKindAndTokenId() {
        Amount eth = Amount.of(Chain.ETHEREUM.nativeAsset(), 5);
        Amount token = Amount.of(Asset.token(T, "ERC20", 0), 5);

        assertThat(new Transfer(Chain.ETHEREUM, TX, 1, 0, 0, TransferKind.NATIVE, A, A, eth, Optional.empty()).amount())
                .isEqualTo(eth);
        assertThatThrownBy(() -> new Transfer(Chain.ETHEREUM, TX, 1, 0, 0, TransferKind.ERC20, A, A, eth, Optional.empty()))
                .isInstanceOf(CordonException.class);
        assertThatThrownBy(() -> new Transfer(Chain.ETHEREUM, TX, 1, 0, 0, TransferKind.NATIVE, A, A, token, Optional.empty()))
                .isInstanceOf(CordonException.class);
        assertThatThrownBy(() -> new Transfer(Chain.ETHEREUM, TX, 1, 0, 0, TransferKind.ERC20, A, A, token,
                Optional.of(BigInteger.ONE))).isInstanceOf(CordonException.class);
        assertThatThrownBy(() -> new Transfer(Chain.BITCOIN, TX, 1, 0, 0, TransferKind.NATIVE, A, A, eth, Optional.empty()))
                .isInstanceOf(CordonException.class);
        assertThatThrownBy(() -> new Transfer(Chain.ETHEREUM, TX, 1, 0, -1, TransferKind.NATIVE, A, A, eth, Optional.empty()))
                .isInstanceOf(CordonException.class);
    }

    @Test
    void compareTo_ordersByHeightTxIndexPosition() {
        Amount eth = Amount.of(Chain.ETHEREUM.nativeAsset(), 1);
        Transfer a = new Transfer(Chain.ETHEREUM, TX, 1, 2, 0, TransferKind.NATIVE, A, A, eth, Optional.empty());
        Transfer b = new Transfer(Chain.ETHEREUM, TX, 1, 2, 1, TransferKind.INTERNAL, A, A, eth, Optional.empty());
        Transfer c = new Transfer(Chain.ETHEREUM, TX, 2, 0, 0, TransferKind.NATIVE, A, A, eth, Optional.empty());

        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
    }
}
