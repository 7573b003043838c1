package dev.cordon.intel.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import dev.cordon.core.Label;
import dev.cordon.intel.export.CsvExporter;
import dev.cordon.intel.pack.BundledPack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListAndCsvImportersTest {
    private static final Instant NOW = Instant.parse("2025-02-26T00:00:00Z");

    @Test
    void fbiBybitList_allFiftyOneAddressesPassEip55() throws IOException {
        ParsedList p;
        try (InputStream in = BundledPack.open("fbi-bybit/fbi_ic3_psa250226_bybit_tradertraitor_eth_addresses.txt")) {
            p = new AddressListImporter().read(in, "bybit.txt", ImportContext.at(NOW).withName("Bybit theft")
                    .withCategory(Category.SERVICE_HACK).withCurrency("ETH").withSource("https://www.ic3.gov/PSA/2025/PSA250226"));
        }
        assertThat(p.batch().labels()).hasSize(51);
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void list_badChecksumLine_isRejectedWithItsLineOthersImported() {
        String text = "# comment\n0x51E9d833Ecae4E8D9D8Be17300AEE6D3398C135D\n0x51e9D833Ecae4E8D9D8Be17300AEE6D3398C135D\n\n"
                + "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V\n";
        ParsedList p = new AddressListImporter().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "l.txt",
                ImportContext.at(NOW).withName("x").withCategory(Category.SCAM));
        assertThat(p.batch().labels()).hasSize(2);
        assertThat(p.problems()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.toString()).startsWith("l.txt:3: rejected:");
        });
    }

    @Test
    void fortaCsv_withColumnMapping_translatesCategories() throws IOException {
        CsvMapping m = new CsvMapping(Map.of("address", "banned_address", "label", "wallet_tag", "category", "data_source"),
                Map.of("etherscan-heist-list", Category.SERVICE_HACK, "etherscan-exploit-list", Category.SERVICE_HACK));
        ParsedList p;
        try (InputStream in = BundledPack.open("forta/etherscan_heist_exploit_labels.csv")) {
            p = new CsvImporter(m).read(in, "forta.csv", ImportContext.at(NOW).withConfidence(Confidence.WEB_CRAWL)
                    .withSource("https://github.com/forta-network/labelled-datasets").withName("heist"));
        }
        assertThat(p.batch().labels()).hasSizeGreaterThan(190).allSatisfy(l -> assertThat(l.category()).isEqualTo(Category.SERVICE_HACK));
    }

    @Test
    void exportedCsv_importsBackToTheSameLabels() throws IOException {
        ParsedList first;
        try (InputStream in = BundledPack.open("graphsense/ronin_bridge.yaml")) {
            first = new TagPackImporter().read(in, "ronin_bridge.yaml", ImportContext.at(NOW));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExporter().write(first.batch().labels(), Map.of(), out);
        ParsedList back = new CsvImporter().read(new ByteArrayInputStream(out.toByteArray()), "export.csv",
                ImportContext.at(NOW).withDataset("tagpack:ronin_bridge"));
        assertThat(back.problems()).isEmpty();
        assertThat(back.batch().labels()).hasSameSizeAs(first.batch().labels());
        for (int i = 0; i < first.batch().labels().size(); i++) {
            Label a = first.batch().labels().get(i);
            Label b = back.batch().labels().get(i);
            assertThat(b.subject()).isEqualTo(a.subject());
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.category()).isEqualTo(a.category());
            assertThat(b.confidence()).isEqualTo(a.confidence());
            assertThat(b.validFrom()).isEqualTo(a.validFrom());
            assertThat(b.source()).isEqualTo(a.source());
        }
    }
}
