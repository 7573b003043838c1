package dev.cordon.intel.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Label;
import dev.cordon.intel.pack.BundledPack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TagPackImporterTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static ParsedList read(String yaml) {
        return new TagPackImporter().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", ImportContext.at(NOW));
    }

    @Test
    void realLazarusPack_inheritsHeaderFields() throws IOException {
        ParsedList p;
        try (InputStream in = BundledPack.open("graphsense/lazarus.yaml")) {
            p = new TagPackImporter().read(in, "lazarus.yaml", ImportContext.at(NOW));
        }
        assertThat(p.batch().labels()).hasSize(21).allSatisfy(l -> {
            assertThat(l.name()).isEqualTo("Lazarus group");
            assertThat(l.category()).isEqualTo(Category.USER);
            assertThat(l.abuse()).contains(Category.SANCTION);
            assertThat(l.confidence()).isEqualTo(Confidence.AUTHORITY_DATA);
            assertThat(l.actor()).contains("lazarusgroup");
            assertThat(l.validFrom()).isEqualTo(Instant.parse("2022-04-15T00:00:00Z"));
        });
        assertThat(p.batch().dataset().id()).isEqualTo("tagpack:lazarus");
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void badTags_areReportedByLineAndTheRestIsImported() {
        String yaml = """
                title: Test pack
                creator: cordon tests
                source: https://example.org/report
                confidence: forensic
                category: exchange
                label: Example exchange
                currency: BTC
                tags:
                - address: 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V
                - address: 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9W
                - address: 0x098B716B8Aaf21512996dC57EB0615e2383E2F96
                  currency: ETH
                - address: 3EPqGUw2q89pwPZ1UF8FJspE2AyojSTjdu
                  category: no_such_thing
                - address: 3EPqGUw2q89pwPZ1UF8FJspE2AyojSTjdu
                  confidence: very_sure
                - address: 3EPqGUw2q89pwPZ1UF8FJspE2AyojSTjdu
                  label: Another name
                - address: 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V
                """;
        ParsedList p = read(yaml);
        assertThat(p.batch().labels()).extracting(Label::name).containsExactly("Example exchange", "Another name");
        assertThat(p.problems()).extracting(x -> x.line() + " " + x.kind()).containsExactly(
                "10 REJECTED", "11 REJECTED", "13 REJECTED", "15 REJECTED", "19 DUPLICATE");
        assertThat(p.problems().get(1).message()).contains("EIP-55");
        assertThat(p.problems().get(2).message()).contains("no_such_thing");
    }

    @Test
    void brokenYaml_isRefusedNamingTheLine() {
        assertThatThrownBy(() -> read("title: x\ncreator: y\ntags:\n- address: [unclosed\n- label: z\n"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("test.yaml line");
    }

    @Test
    void missingHeaderFields_areWarnedAndTagsWithoutConfidenceRejected() {
        ParsedList p = read("tags:\n- address: 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V\n  label: x\n  source: https://e.org\n  currency: BTC\n");
        assertThat(p.problems()).extracting(ImportProblem::kind).contains(ImportProblem.Kind.WARNING, ImportProblem.Kind.REJECTED);
        assertThat(p.batch().labels()).isEmpty();
    }
}
