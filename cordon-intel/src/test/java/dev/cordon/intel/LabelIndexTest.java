package dev.cordon.intel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.pack.BundledPack;
import dev.cordon.intel.store.InMemoryLabelStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelIndexTest {
    @Test
    void find_agreesWithTheStoreForEveryOpenLabelAndMissesOthers() {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        InMemoryLabelStore store = new InMemoryLabelStore();
        BundledPack.load(store, now);
        LabelIndex index = LabelIndex.of(store, now);
        Set<LabelSubject> open = new HashSet<>();
        store.forEachLabel(l -> {
            if (l.isActiveAt(now) && l.subject() instanceof LabelSubject.OfAddress) {
                open.add(l.subject());
            }
        });
        assertThat(index.size()).isEqualTo(open.size());
        for (LabelSubject s : open) {
            Address a = ((LabelSubject.OfAddress) s).address();
            assertThat(index.strongest(a)).as(a.value()).isPresent();
            assertThat(index.labels(a)).isEqualTo(store.labelsAt(s, now));
        }
        assertThat(index.find(new Address(Chain.ETHEREUM, "0x" + "1".repeat(40)))).isEqualTo(-1);
        Address tornado = new Address(Chain.ETHEREUM, "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf");
        assertThat(index.labels(tornado)).noneMatch(l -> l.dataset().equals("ofac-sdn"));
    }
}
