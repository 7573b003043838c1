package dev.cordon.intel.account;

import static dev.cordon.intel.account.EthChain.addr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account graph: flows in chain order, per-account lists, amounts of any size, extension and reorgs. */
class AccountGraphTest {
    private static final BigInteger WEI_100_ETH = new BigInteger("100000000000000000000");
    private static final BigInteger BIG = BigInteger.TWO.pow(126).subtract(BigInteger.ONE);
    private static final BigInteger HUGE = BigInteger.TWO.pow(255).add(BigInteger.valueOf(12345));

    private static EthChain chain() {
        EthChain c = new EthChain();
        c.tx(1, 21_000, 1_000).eth(1, 2, WEI_100_ETH).token(2, 3, HUGE).block();
        c.tx(2, 0, 0).eth(2, 2, BigInteger.valueOf(5)).eth(2, 3, BIG);
        c.tx(3, 7, 0).token(3, 1, BigInteger.ONE).block();
        return c;
    }

    @Test
    void build_keepsEveryFlowInChainOrderWithExactAmounts() {
        try (ChainStore store = MemoryChainStore.create()) {
            EthChain c = chain();
            c.applyTo(store);
            AccountGraph g = AccountGraphBuilder.build(store.ethereum());

            assertThat(g.flowCount()).isEqualTo(c.transfers().size()).isEqualTo(8);
            assertThat(g.firstSeq()).isZero();
            for (int f = 0; f < g.flowCount(); f++) {
                Transfer t = c.transfers().get(f);
                assertThat(store.ethereum().addressById(g.from(f))).contains(t.from());
                assertThat(store.ethereum().addressById(g.to(f))).contains(t.to());
                assertThat(g.amount(f)).isEqualTo(t.amount().units());
                assertThat(g.kind(f)).isEqualTo(t.kind());
                assertThat(g.height(f)).isEqualTo(t.blockHeight());
                assertThat(g.txIndex(f)).isEqualTo(t.txIndex());
                assertThat(store.ethereum().transfer(g.seq(f))).contains(t);
            }
            assertThat(g.isFee(0)).isTrue();
            assertThat(g.isFee(2)).isFalse();
            assertThat(g.lastHeight()).isEqualTo(101);
            assertThat(g.blockTime(100)).isEqualTo(EthChain.T0 + 1200);
            assertThat(g.blockTime(99)).isEqualTo(-1);
        }
    }

    @Test
    void nextFlowOf_walksOneAccountInOrder_selfTransfersOnce() {
        try (ChainStore store = MemoryChainStore.create()) {
            EthChain c = chain();
            c.applyTo(store);
            AccountGraph g = AccountGraphBuilder.build(store.ethereum());
            for (int n = 1; n <= 3; n++) {
                Address a = addr(n);
                int id = store.ethereum().address(a, 0).orElseThrow().addressId();
                List<Integer> walked = new ArrayList<>();
                for (int f = g.firstFlowOf(id); f != AccountGraph.NONE; f = g.nextFlowOf(id, f)) {
                    walked.add(f);
                }
                List<Integer> expected = new ArrayList<>();
                for (int f = 0; f < c.transfers().size(); f++) {
                    Transfer t = c.transfers().get(f);
                    if (t.from().equals(a) || t.to().equals(a)) {
                        expected.add(f);
                    }
                }
                assertThat(walked).as("account %d", n).isEqualTo(expected);
            }
        }
    }

    @Test
    void saveLoad_roundTripsEveryField_andRefusesDamage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        try (ChainStore store = MemoryChainStore.create()) {
            EthChain c = chain();
            c.applyTo(store);
            AccountGraph g = AccountGraphBuilder.build(store.ethereum());
            java.nio.file.Path file = dir.resolve("eth.graph");
            AccountGraphFile.save(g, file);

            AccountGraph back = AccountGraphFile.load(file);
            assertThat(back.flowCount()).isEqualTo(g.flowCount());
            assertThat(back.lastHash()).isEqualTo(g.lastHash());
            assertThat(back.blockTime(101)).isEqualTo(g.blockTime(101));
            for (int f = 0; f < g.flowCount(); f++) {
                assertThat(back.amount(f)).isEqualTo(g.amount(f));
                assertThat(back.nextFlowOf(back.from(f), f)).isEqualTo(g.nextFlowOf(g.from(f), f));
                assertThat(back.nextFlowOf(back.to(f), f)).isEqualTo(g.nextFlowOf(g.to(f), f));
                assertThat(back.kind(f)).isEqualTo(g.kind(f));
            }
            AccountGraphBuilder.extend(back, store.ethereum());
            assertThat(back.flowCount()).isEqualTo(g.flowCount());

            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            java.nio.file.Files.write(file, bytes);
            assertThatThrownBy(() -> AccountGraphFile.load(file)).isInstanceOf(CordonException.class)
                    .hasMessageContaining("damaged");
            java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, 30));
            assertThatThrownBy(() -> AccountGraphFile.load(file)).isInstanceOf(CordonException.class)
                    .hasMessageContaining("delete it to rebuild");
        }
    }

    @Test
    void flowsOfTx_isTheTransactionsRange() {
        try (ChainStore store = MemoryChainStore.create()) {
            chain().applyTo(store);
            AccountGraph g = AccountGraphBuilder.build(store.ethereum());

            assertThat(g.flowsOfTx(100, 0)).containsExactly(0, 4);
            assertThat(g.flowsOfTx(101, 0)).containsExactly(4, 6);
            assertThat(g.flowsOfTx(101, 1)).containsExactly(6, 8);
            assertThat(g.flowsOfTx(101, 2)).containsExactly(8, 8);
        }
    }

    @Test
    void extend_appendsNewBlocks_andCurrentRebuildsAfterARollback() {
        try (ChainStore store = MemoryChainStore.create()) {
            EthChain c = new EthChain();
            c.tx(1, 0, 0).eth(1, 2, BigInteger.TEN).block();
            c.tx(2, 0, 0).eth(2, 3, BigInteger.TWO).block();
            c.applyTo(store);
            AccountGraph g = AccountGraphBuilder.build(store.ethereum());
            EthChain more = new EthChain();
            more.tx(1, 0, 0).eth(1, 2, BigInteger.TEN).block();
            more.tx(2, 0, 0).eth(2, 3, BigInteger.TWO).block();
            more.tx(3, 0, 0).eth(3, 4, BigInteger.ONE);
            more.tx(3, 0, 0).eth(3, 5, BigInteger.ONE).block();
            store.ethereum().rollbackTo(99);
            more.applyTo(store);

            assertThat(AccountGraphBuilder.extend(g, store.ethereum())).isEqualTo(2);
            assertThat(g.flowCount()).isEqualTo(4);
            assertThat(AccountGraphBuilder.extend(g, store.ethereum())).isZero();

            store.ethereum().rollbackTo(100);
            assertThatThrownBy(() -> AccountGraphBuilder.extend(g, store.ethereum())).isInstanceOf(CordonException.class)
                    .hasMessageContaining("rebuild");
            AccountGraph rebuilt = AccountGraphBuilder.current(g, store.ethereum());
            assertThat(rebuilt).isNotSameAs(g);
            assertThat(rebuilt.flowCount()).isEqualTo(1);
            assertThat(rebuilt.kind(0)).isEqualTo(TransferKind.NATIVE);
        }
    }
}
