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
                "stake-2023", "coinex-2023", "alphapo-2023", "ronin-2022", "harmony-2022", "kucoin-2020");
        assertThat(l.heists().get(0).id()).isEqualTo("bybit-2025");
        assertThat(l.heists().stream().filter(h -> h.id().equals("bybit-2025")).findFirst().orElseThrow().seedDatasets())
                .containsExactly("fbi-bybit");
    }

    @Test
    void stats_2023_countsTotalsAndMeanGapAbove50M() {
        HeistStats s = HeistLedger.bundled().stats(2023);
        assertThat(s.count()).isEqualTo(6);
        // above 50 M in 2023: Atomic 06-03, Alphapo 07-23, CoinEx 09-12, Poloniex 11-10, HTX 11-22 -> (172 days) / 4
        assertThat(s.largeCount()).isEqualTo(5);
        assertThat(s.meanGapDays().getAsDouble()).isEqualTo(43.0);
        assertThat(s.byAttribution().get("lazarusgroup")[0]).isEqualTo(5);
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
