package dev.cordon.intel.heist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.CordonException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HeistLedgerTest {
    @Test
    void bundled_everyRowHasASourceAndTheMajorTheftsArePresent() {
        HeistLedger l = HeistLedger.bundled();
        assertThat(l.heists()).allSatisfy(h -> assertThat(h.source()).startsWith("https://"));
        assertThat(l.heists()).extracting(Heist::id).contains("bybit-2025", "dmm-bitcoin-2024", "wazirx-2024", "atomic-wallet-2023",
                "stake-2023", "coinex-2023", "alphapo-2023", "ronin-2022", "harmony-2022", "kucoin-2020", "mixin-2023", "nomad-2022",
                "wormhole-2022", "poly-network-2021", "upbit-2019", "coincheck-2018", "bitfinex-2016");
        assertThat(l.heists().get(0).id()).isEqualTo("bybit-2025");
        assertThat(l.heists().stream().filter(h -> h.id().equals("bybit-2025")).findFirst().orElseThrow().seedDatasets())
                .containsExactly("fbi-bybit");
    }

    @Test
    void stats_2023_countsTotalsAndMeanGapAbove50M() {
        HeistStats s = HeistLedger.bundled().stats(2023);
        assertThat(s.count()).isEqualTo(7);
        // above 50 M in 2023: Atomic 06-03, Alphapo 07-23, CoinEx 09-12, Mixin 09-23, Poloniex 11-10, HTX 11-22
        // -> 06-03..11-22 is 27 + 31 + 31 + 30 + 31 + 22 = 172 days over 5 gaps
        assertThat(s.largeCount()).isEqualTo(6);
        assertThat(s.meanGapDays().getAsDouble()).isEqualTo(34.4);
        assertThat(s.byAttribution().get("lazarusgroup")[0]).isEqualTo(6);
    }

    @Test
    void stats_2022_bridgesAndTheirGap() {
        HeistStats s = HeistLedger.bundled().stats(2022);
        // Wormhole 02-02 321 M, Ronin 03-23 625 M, Harmony 06-23 100 M, Nomad 08-01 190 M
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.totalUsd()).isEqualTo(1_236_000_000L);
        assertThat(s.largeCount()).isEqualTo(4);
        // 02-02..08-01 is 28 + 31 + 30 + 31 + 30 + 30 = 180 days over 3 gaps
        assertThat(s.meanGapDays().getAsDouble()).isEqualTo(60.0);
        assertThat(s.byAttribution().get("unknown")[0]).isEqualTo(2);
    }

    @Test
    void bundled_addedThefts_exactRows() {
        HeistLedger l = HeistLedger.bundled();
        assertThat(l.heists()).hasSize(20);
        assertThat(l.heists().get(l.heists().size() - 1).id()).isEqualTo("bitfinex-2016");
        Heist poly = l.heists().stream().filter(h -> h.id().equals("poly-network-2021")).findFirst().orElseThrow();
        assertThat(poly.usd()).isEqualTo(611_000_000L);
        assertThat(poly.seeds()).extracting(a -> a.value()).containsExactly("0xc8a65fadf0e0ddaf421f28feab69bf6e2e589963");
        Heist coincheck = l.heists().stream().filter(h -> h.id().equals("coincheck-2018")).findFirst().orElseThrow();
        assertThat(coincheck.chains()).isEmpty();
        assertThat(coincheck.attribution()).isEqualTo("unknown");
        assertThat(l.stats(2019).largeCount()).isZero();
    }

    @Test
    void stats_meanGap_isEmptyWithFewerThanTwoLargeThefts() {
        assertThat(HeistLedger.bundled().stats(2025).meanGapDays()).isEmpty();
    }

    @Test
    void read_badRow_failsNamingTheLine() {
        String csv = "id,date,victim,kind,chains,usd,attribution,attribution_basis,seeds,source,attribution_source,notes\n"
                + "x,2024-13-01,V,exchange,eth,1,unknown,,,https://e.org,,\n";
        assertThatThrownBy(() -> HeistLedger.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "h.csv"))
                .isInstanceOf(CordonException.class).hasMessageContaining("h.csv line 2");
    }

    @Test
    void stats_gap_isDaysBetweenFirstAndLastOverIntervals() {
        String csv = "id,date,victim,kind,chains,usd,attribution,attribution_basis,seeds,source,attribution_source,notes\n"
                + "a,2024-01-01,A,exchange,eth,60000000,x,,,https://e.org,,\n"
                + "b,2024-01-11,B,exchange,eth,10,x,,,https://e.org,,\n"
                + "c,2024-01-31,C,exchange,btc,70000000,y,,,https://e.org,,\n";
        HeistStats s = HeistLedger.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "h.csv").stats(2024);
        assertThat(s.meanGapDays().getAsDouble()).isEqualTo(30.0);
        assertThat(s.totalUsd()).isEqualTo(130_000_010L);
        assertThat(LocalDate.of(2024, 1, 31).getYear()).isEqualTo(2024);
    }
}
