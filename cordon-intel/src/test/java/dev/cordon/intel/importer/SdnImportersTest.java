package dev.cordon.intel.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Chain;
import dev.cordon.core.Label;
import dev.cordon.intel.pack.BundledPack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SdnImportersTest {
    private static final Instant NOW = Instant.parse("2024-05-03T00:00:00Z");

    private static ParsedList bundledCsv() throws IOException {
        try (InputStream in = BundledPack.open("ofac/sdn-digital-currency.csv")) {
            return new SdnCsvImporter().read(in, "sdn.csv", ImportContext.at(NOW));
        }
    }

    private static Set<String> crossCheck(String asset) throws IOException {
        try (InputStream in = SdnImportersTest.class.getResourceAsStream("sanctioned_addresses_" + asset + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void csv_realList_everyAddressIsAlsoInTheXmlDerivedList() throws IOException {
        ParsedList p = bundledCsv();
        Set<String> xbt = crossCheck("XBT");
        Set<String> eth = crossCheck("ETH").stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Label> labels = p.batch().labels();
        assertThat(labels).hasSizeGreaterThan(200);
        for (Label l : labels) {
            String note = l.note();
            if (l.subject().chain() == Chain.BITCOIN) {
                assertThat(xbt).as(l.subject().text()).contains(l.subject().text());
            } else if (!note.contains("listed as")) {
                assertThat(eth).as(l.subject().text()).contains(l.subject().text());
            }
        }
    }

    @Test
    void csv_realList_latin1NamesDecodeAndProgrammesBecomeNotes() throws IOException {
        ParsedList p = bundledCsv();
        assertThat(p.problems()).noneMatch(x -> x.message().contains("UTF-8"));
        Label lazarus = p.batch().labels().stream().filter(l -> l.name().equals("LAZARUS GROUP")).findFirst().orElseThrow();
        assertThat(lazarus.note()).contains("DPRK3");
        assertThat(lazarus.actor()).contains("ofac-sdn-27307");
        assertThat(p.batch().actors()).anySatisfy(a -> assertThat(a.id()).isEqualTo("ofac-sdn-27307"));
    }

    @Test
    void csv_cutRemarks_areReportedWithTheirLineNotImported() throws IOException {
        ParsedList p = bundledCsv();
        assertThat(p.problems()).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(ImportProblem.Kind.WARNING);
            assertThat(x.line()).isPositive();
            assertThat(x.message()).contains("sdn_comments.csv");
        });
        assertThat(p.problems()).filteredOn(x -> x.kind() == ImportProblem.Kind.SKIPPED)
                .allSatisfy(x -> assertThat(x.message()).contains("not supported"));
    }

    @Test
    void csv_utf8Copy_isReadAsUtf8WithAWarning() {
        String row = "36216,\"GARANTEX EUROPE OÜ\",-0- ,\"CYBER2] [RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V; Organization Type: x.\"\r\n";
        ParsedList p = new SdnCsvImporter().read(new ByteArrayInputStream(row.getBytes(StandardCharsets.UTF_8)), "sdn.csv", ImportContext.at(NOW));
        assertThat(p.batch().labels()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("GARANTEX EUROPE OÜ"));
        assertThat(p.problems()).anySatisfy(x -> assertThat(x.message()).contains("UTF-8"));
        ParsedList latin = new SdnCsvImporter().read(new ByteArrayInputStream(row.getBytes(StandardCharsets.ISO_8859_1)), "sdn.csv",
                ImportContext.at(NOW));
        assertThat(latin.batch().labels()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("GARANTEX EUROPE OÜ"));
    }

    @Test
    void xml_sample_readsNamesProgrammesAndRejectsTheBadChecksum() throws IOException {
        ParsedList p;
        try (InputStream in = getClass().getResourceAsStream("sdn_advanced_sample.xml")) {
            p = new SdnXmlImporter().read(in, "sdn_advanced.xml", ImportContext.at(NOW));
        }
        assertThat(p.batch().dataset().version()).isEqualTo("2024-09-27");
        assertThat(p.batch().labels()).extracting(l -> l.subject().text()).containsExactlyInAnyOrder(
                "0x098b716b8aaf21512996dc57eb0615e2383e2f96", "0xa0e1c89ef1a489c9c7de96311ed5ce5d32c20e4b",
                "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V");
        assertThat(p.batch().labels()).filteredOn(l -> l.name().equals("LAZARUS GROUP"))
                .allSatisfy(l -> assertThat(l.note()).contains("DPRK3"));
        assertThat(p.batch().labels()).anySatisfy(l -> assertThat(l.name()).isEqualTo("GHORBANIYAN Mohammad"));
        assertThat(p.problems()).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(ImportProblem.Kind.REJECTED);
            assertThat(x.message()).contains("EIP-55");
            assertThat(x.line()).isGreaterThan(30);
        });
        assertThat(p.problems()).anySatisfy(x -> assertThat(x.kind()).isEqualTo(ImportProblem.Kind.SKIPPED));
    }

    @Test
    void xml_andCsv_agreeOnTheAddressesTheyShare() throws IOException {
        Set<String> csv = new HashSet<>();
        bundledCsv().batch().labels().forEach(l -> csv.add(l.subject().text()));
        try (InputStream in = getClass().getResourceAsStream("sdn_advanced_sample.xml")) {
            new SdnXmlImporter().read(in, "x.xml", ImportContext.at(NOW)).batch().labels()
                    .forEach(l -> assertThat(csv).contains(l.subject().text()));
        }
    }
}
