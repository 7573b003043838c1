package dev.cordon.intel.account;

import static dev.cordon.intel.account.EthChain.addr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Category;
import dev.cordon.intel.exposure.RiskCategory;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exposure on accounts, exactly: a thief (2, labelled perpetrator) pays 4 ETH to 3 and 3 ETH to 5;
 * 6 pays 5 clean ETH to 3; 3 pays a 1 ETH fee and 6 ETH to 4, in two rounds of extension.
 */
class AccountExposureTest {
    static BigInteger eth(long n) {
        return BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(n));
    }

    @Test
    void extend_haircutOnBalances_directAndIndirect_exactAndIncremental() {
        try (ChainStore store = MemoryChainStore.create()) {
            EthChain c = new EthChain();
            c.tx(1, 0, 0).eth(1, 2, eth(10)).block();
            c.tx(2, 0, 0).eth(2, 3, eth(4)).eth(2, 5, eth(3)).block();
            c.tx(6, 0, 0).eth(6, 3, eth(5)).block();
            c.applyTo(store);
            RiskLabels risk = RiskLabels.of(dev.cordon.core.Chain.ETHEREUM, Map.of(addr(2), Category.PERPETRATOR), store);
            AccountExposure ex = new AccountExposure(risk, 3);
            AccountGraph g = AccountGraphBuilder.build(store.ethereum());
            assertThat(ex.extend(g)).isEqualTo(4);
            EthChain more = new EthChain();
            more.tx(1, 0, 0).eth(1, 2, eth(10)).block();
            more.tx(2, 0, 0).eth(2, 3, eth(4)).eth(2, 5, eth(3)).block();
            more.tx(6, 0, 0).eth(6, 3, eth(5)).block();
            more.tx(3, eth(1).longValueExact(), 0).eth(3, 4, eth(6)).block();
            store.ethereum().rollbackTo(99);
            more.applyTo(store);
            AccountGraph g2 = AccountGraphBuilder.current(g, store.ethereum());
            assertThat(ex.extend(g2)).isEqualTo(2);

            int x = id(store, 3);
            int y = id(store, 4);
            AccountExposureView vx = ex.of(x, 0).orElseThrow();
            AccountExposureView vy = ex.of(y, 0).orElseThrow();
            assertThat(vx.received()).isEqualTo(eth(9));
            assertThat(vx.direct(RiskCategory.HACK)).isEqualTo(eth(4));
            assertThat(vx.indirect(RiskCategory.HACK)).isZero();
            assertThat(vy.received()).isEqualTo(eth(6));
            assertThat(vy.direct(RiskCategory.HACK)).isZero();
            assertThat(vy.indirect(RiskCategory.HACK)).isEqualTo(new BigInteger("2666666666666666667"));
            assertThat(ex.of(id(store, 5), 0).orElseThrow().direct(RiskCategory.HACK)).isEqualTo(eth(3));
            assertThat(ex.of(id(store, 6), 0)).isEmpty();
            assertThat(ex.of(y)).containsOnlyKeys(0);
        }
    }

    @Test
    void file_roundTrips_andIsRefusedAfterAReorgOrALabelChange(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (ChainStore store = MemoryChainStore.create()) {
            EthChain c = new EthChain();
            c.tx(1, 0, 0).eth(1, 2, eth(10)).block();
            c.tx(2, 0, 0).eth(2, 3, eth(4)).block();
            c.applyTo(store);
            RiskLabels risk = RiskLabels.of(dev.cordon.core.Chain.ETHEREUM, Map.of(addr(2), Category.PERPETRATOR), store);
            AccountGraph g = AccountGraphBuilder.build(store.ethereum());
            AccountExposure ex = new AccountExposure(risk, 3);
            ex.extend(g);
            java.nio.file.Path file = dir.resolve("eth.exposure");
            AccountExposureFile.save(ex, risk, g, file);

            AccountExposure back = AccountExposureFile.load(file, risk, 3, store.ethereum()).orElseThrow();
            assertThat(back.cursor()).isEqualTo(2);
            assertThat(back.of(id(store, 3), 0).orElseThrow().direct(RiskCategory.HACK)).isEqualTo(eth(4));
            assertThat(AccountExposureFile.load(file, risk, 2, store.ethereum())).isEmpty();
            assertThat(AccountExposureFile.load(file, RiskLabels.none(dev.cordon.core.Chain.ETHEREUM), 3, store.ethereum()))
                    .isEmpty();
            store.ethereum().rollbackTo(100);
            assertThat(AccountExposureFile.load(file, risk, 3, store.ethereum())).isEmpty();
        }
    }

    private static int id(ChainStore store, int n) {
        return store.ethereum().address(addr(n), 0).orElseThrow().addressId();
    }
}
