package dev.cordon.intel.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.importer.ImportProblem;
import dev.cordon.intel.store.InMemoryLabelStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundledPackTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static InMemoryLabelStore store;
    private static List<BundledPack.Loaded> loaded;

    @BeforeAll
    static void load() {
        store = new InMemoryLabelStore();
        loaded = BundledPack.load(store, NOW);
    }

    @Test
    void load_everyEntryImportsLabelsOrActors() {
        Map<String, Long> problems = new TreeMap<>();
        for (ImportProblem p : BundledPack.problems(loaded)) {
            problems.merge(p.file() + " " + p.kind(), 1L, Long::sum);
        }
        System.out.println("bundled pack problems by file and kind: " + problems);
        Map<String, ImportProblem> firstOfKind = new TreeMap<>();
        BundledPack.problems(loaded).forEach(p -> firstOfKind.putIfAbsent(p.file() + " " + p.kind(), p));
        firstOfKind.values().forEach(p -> System.out.println("  e.g. " + p));
        for (BundledPack.Loaded l : loaded) {
            System.out.println(l.result().dataset().id() + ": rows " + l.parsed().rows() + ", added " + l.result().added()
                    + ", actors " + l.result().actors());
            assertThat(l.result().added() + l.result().actors()).as(l.entry().file()).isPositive();
        }
        assertThat(BundledPack.problems(loaded)).filteredOn(p -> p.kind() == ImportProblem.Kind.REJECTED)
                .allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void tornadoCash_isClosedAtTheDelisting() {
        Address pool = new Address(Chain.ETHEREUM, "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf");
        List<Label> labels = store.labels(LabelSubject.of(pool));
        Label ofac = labels.stream().filter(l -> l.dataset().equals("ofac-sdn")).findFirst().orElseThrow();
        assertThat(ofac.name()).isEqualTo("TORNADO CASH");
        assertThat(ofac.validTo()).contains(Instant.parse("2025-03-21T00:00:00Z"));
        assertThat(ofac.isActiveAt(Instant.parse("2024-06-01T00:00:00Z"))).isTrue();
        assertThat(ofac.isActiveAt(NOW)).isFalse();
        assertThat(labels).anySatisfy(l -> assertThat(l.category()).isEqualTo(Category.MIXING_SERVICE));
        assertThat(labels).filteredOn(l -> l.dataset().equals("tagpack:ofac") || l.category() == Category.SANCTION)
                .isNotEmpty().allSatisfy(l -> assertThat(l.isActiveAt(NOW)).as(l.dataset()).isFalse());
    }

    @Test
    void bybitFbiAddress_isLabelledAsTheft() {
        Address a = new Address(Chain.ETHEREUM, "0x51e9d833ecae4e8d9d8be17300aee6d3398c135d");
        assertThat(store.labels(LabelSubject.of(a))).anySatisfy(l -> {
            assertThat(l.dataset()).isEqualTo("fbi-bybit");
            assertThat(l.actor()).contains("lazarusgroup");
            assertThat(l.category()).isEqualTo(Category.SERVICE_HACK);
        });
    }

    @Test
    void lazarusRoninAddress_carriesOfacAndTagPackLabels() {
        Address a = new Address(Chain.ETHEREUM, "0x098b716b8aaf21512996dc57eb0615e2383e2f96");
        assertThat(store.labels(LabelSubject.of(a))).extracting(Label::dataset)
                .contains("ofac-sdn", "tagpack:lazarus", "tagpack:ronin_bridge");
    }
}
