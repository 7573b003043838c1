package dev.cordon.intel.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.intel.importer.ImportContext;
import dev.cordon.intel.importer.ParsedList;
import dev.cordon.intel.importer.TagPackImporter;
import dev.cordon.intel.pack.BundledPack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportersTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static ParsedList tornado() throws IOException {
        try (InputStream in = BundledPack.open("graphsense/tornado_cash.yaml")) {
            return new TagPackImporter().read(in, "tornado_cash.yaml", ImportContext.at(NOW));
        }
    }

    @Test
    void stix_isABundleOfIndicatorsWithStableIds() throws IOException {
        ParsedList p = tornado();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        new StixExporter().write(p.batch().labels(), Map.of(), a);
        JsonNode bundle = new ObjectMapper().readTree(a.toByteArray());
        assertThat(bundle.get("type").asText()).isEqualTo("bundle");
        JsonNode first = bundle.get("objects").get(0);
        assertThat(first.get("type").asText()).isEqualTo("indicator");
        assertThat(first.get("spec_version").asText()).isEqualTo("2.1");
        assertThat(first.get("pattern").asText()).startsWith("[cryptocurrency-wallet:address = '0x");
        assertThat(first.get("indicator_types").get(0).asText()).isEqualTo("anonymization");
        assertThat(first.get("id").asText()).matches("indicator--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new StixExporter().write(p.batch().labels(), Map.of(), b);
        assertThat(new ObjectMapper().readTree(b.toByteArray()).get("objects").get(0).get("id")).isEqualTo(first.get("id"));
        assertThat(bundle.get("objects")).hasSize(p.batch().labels().size());
    }

    @Test
    void tagpack_exportReadsBackWithTheSameLabels() throws IOException {
        ParsedList p = tornado();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TagPackExporter("t", "c").write(p.batch().labels(), Map.of(), out);
        ParsedList back = new TagPackImporter().read(new ByteArrayInputStream(out.toByteArray()), "x.yaml", ImportContext.at(NOW));
        assertThat(back.problems()).isEmpty();
        assertThat(back.batch().labels()).extracting(l -> l.subject().text() + l.name() + l.category() + l.confidence() + l.actor())
                .containsExactlyElementsOf(p.batch().labels().stream()
                        .map(l -> l.subject().text() + l.name() + l.category() + l.confidence() + l.actor()).toList());
    }
}
