package dev.cordon.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link EthereumSink} contract, run against every implementation: the chain store extends
 * this class with its own {@link #newSink()}.
 */
public abstract class EthereumSinkContractTest {
    private static final Address A = new Address(Chain.ETHEREUM, "0x" + "a".repeat(40));

    /** A fresh, empty sink. */
    protected abstract EthereumSink newSink();

    /** Block {@code h} of fork {@code f}, one transfer, linked to block h-1 of fork {@code parentFork}. */
    protected static EthBlockFlows block(long h, int f, int parentFork) {
        TxId tx = new TxId(bytes(3, f, h));
        Transfer t = new Transfer(Chain.ETHEREUM, tx, h, 0, 0, TransferKind.NATIVE, A, A, Amount.of(Chain.ETHEREUM.nativeAsset(), h + 1),
                Optional.empty());
        return new EthBlockFlows(h, new BlockHash(bytes(1, f, h)), new BlockHash(bytes(1, parentFork, h - 1)),
                Instant.ofEpochSecond(h), A, 1, List.of(t), List.of(), List.of());
    }

    private static byte[] bytes(int kind, int fork, long h) {
        byte[] b = new byte[32];
        b[0] = (byte) kind;
        b[1] = (byte) fork;
        for (int i = 0; i < 8; i++) {
            b[31 - i] = (byte) (h >>> (8 * i));
        }
        return b;
    }

    @Test
    void applyBlock_extendsCheckpoint() {
        EthereumSink s = newSink();
        assertThat(s.checkpoint()).isEmpty();
        s.applyBlock(block(5, 0, 0));
        s.applyBlock(block(6, 0, 0));

        assertThat(s.checkpoint()).contains(block(6, 0, 0).ref());
        assertThat(s.recentBlocks(10)).extracting(BlockRef::height).containsExactly(6L, 5L);
        assertThat(s.recentBlocks(1)).hasSize(1);
    }

    @Test
    void applyBlock_refusesGapAndWrongParentUnchanged() {
        EthereumSink s = newSink();
        s.applyBlock(block(5, 0, 0));

        assertThatThrownBy(() -> s.applyBlock(block(7, 0, 0))).isInstanceOf(CordonException.class)
                .extracting(e -> ((CordonException) e).code()).isEqualTo(ErrorCode.STORE);
        assertThatThrownBy(() -> s.applyBlock(block(6, 1, 1))).isInstanceOf(CordonException.class);
        assertThat(s.checkpoint()).contains(block(5, 0, 0).ref());
    }

    @Test
    void rollbackTo_removesBlocksAboveAndAcceptsANewFork() {
        EthereumSink s = newSink();
        for (long h = 0; h <= 9; h++) {
            s.applyBlock(block(h, 0, 0));
        }
        s.rollbackTo(6);
        s.rollbackTo(8);

        assertThat(s.checkpoint()).contains(block(6, 0, 0).ref());
        s.applyBlock(block(7, 1, 0));
        assertThat(s.checkpoint()).contains(block(7, 1, 0).ref());
        assertThat(s.recentBlocks(200)).hasSize(8);
        s.rollbackTo(-1);
        assertThat(s.checkpoint()).isEmpty();
    }
}
