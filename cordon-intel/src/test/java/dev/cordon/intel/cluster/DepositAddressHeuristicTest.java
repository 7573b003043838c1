package dev.cordon.intel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepositAddressHeuristicTest extends ClusteringHeuristicContract<Transfer> {
    /** Address 100 is Binance's hot wallet, 200 Kraken's; tags are set by {@link #clusters()}. */
    private static final int BINANCE_HOT = 100;
    private static final int KRAKEN_HOT = 200;

    record T(int from, int to, int asset, long value, long block) implements Transfer {
    }

    static EntityClusters clusters() {
        EntityClusters c = new EntityClusters(16);
        c.tag(BINANCE_HOT, new ClusterTag("binance", "Binance 14", Category.EXCHANGE, Confidence.SERVICE_DATA));
        c.tag(KRAKEN_HOT, new ClusterTag("kraken", "Kraken 4", Category.EXCHANGE, Confidence.SERVICE_DATA));
        return c;
    }

    @Override
    EntityClusters fresh() {
        return clusters();
    }

    @Override
    ClusteringHeuristic<Transfer> create() {
        return new DepositAddressHeuristic();
    }

    @Override
    List<Transfer> linking123() {
        // 1 funds deposit address 3, which forwards to Binance; then 2 deposits to 3 too
        return List.of(new T(1, 3, 0, 1_000_000_000L, 10), new T(3, BINANCE_HOT, 0, 999_000_000L, 12),
                new T(2, 3, 0, 5_000_000_000L, 20));
    }

    @Override
    List<Transfer> linkingTwoServices() {
        // the Binance address (1) funds 7, which forwards to Kraken: service funders are never merged
        return List.of(new T(1, 7, 0, 1_000_000_000L, 10), new T(7, KRAKEN_HOT, 0, 999_000_000L, 11),
                new T(2, 7, 0, 1_000_000_000L, 12));
    }

    @Test
    void forwardToExchange_marksTheDepositAddress() {
        DepositAddressHeuristic h = new DepositAddressHeuristic();
        EntityClusters c = clusters();
        linking123().forEach(t -> h.apply(t, c));
        assertThat(h.depositExchange(3)).isEqualTo("binance");
        assertThat(c.find(3)).isNotEqualTo(c.find(BINANCE_HOT));
        assertThat(c.find(1)).isEqualTo(c.find(3));
    }

    @Test
    void forwardTooLateOrTooShort_isNoDeposit() {
        DepositAddressHeuristic h = new DepositAddressHeuristic();
        EntityClusters c = clusters();
        h.apply(new T(1, 3, 0, 1_000_000_000L, 10), c);
        h.apply(new T(3, BINANCE_HOT, 0, 999_000_000L, 10 + 5_000), c);
        h.apply(new T(4, 5, 0, 1_000_000_000L, 10), c);
        h.apply(new T(5, BINANCE_HOT, 0, 500_000_000L, 11), c);
        assertThat(h.depositExchange(3)).isNull();
        assertThat(h.depositExchange(5)).isNull();
        assertThat(c.find(1)).isNotEqualTo(c.find(3));
    }

    @Test
    void forwardingToTwoExchanges_isAConflictNotADeposit() {
        DepositAddressHeuristic h = new DepositAddressHeuristic();
        EntityClusters c = clusters();
        h.apply(new T(1, 3, 0, 1_000_000_000L, 10), c);
        h.apply(new T(3, BINANCE_HOT, 0, 999_000_000L, 11), c);
        h.apply(new T(2, 3, 0, 1_000_000_000L, 20), c);
        h.apply(new T(3, KRAKEN_HOT, 0, 999_000_000L, 21), c);
        assertThat(h.depositExchange(3)).isNull();
        assertThat(c.conflicts()).anySatisfy(x -> assertThat(x.reason()).contains("two exchanges"));
    }
}
