package dev.cordon.intel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntelDbTest {
    static Label sample() {
        Instant t = Instant.parse("2022-04-14T00:00:00Z");
        return new Label(LabelSubject.of(new Address(Chain.ETHEREUM, "0x098b716b8aaf21512996dc57eb0615e2383e2f96")), "LAZARUS GROUP",
                Category.SANCTION, Optional.empty(), Optional.of("lazarusgroup"), "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=27307",
                Confidence.AUTHORITY_DATA, t, Optional.of(t.plusSeconds(86400)), "OFAC", t, "ofac-sdn", "programmes DPRK3");
    }

    /**
     * The golden file holds version 1 bytes of {@link #sample()}, written when the format was
     * released; a difference is a format change: bump the codec version instead of editing it.
     */
    @Test
    void labelCodec_v1_matchesGoldenBytes() throws Exception {
        String golden;
        try (var in = IntelDbTest.class.getResourceAsStream("label-v1.hex")) {
            golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
        }
        assertThat(Hex.encode(LabelCodec.encode(sample()))).isEqualTo(golden);
        assertThat(LabelCodec.decode(Hex.decode(golden, "golden"))).isEqualTo(sample());
    }

    @Test
    void labelCodec_otherVersion_isRefused() {
        byte[] b = LabelCodec.encode(sample());
        b[0] = 2;
        assertThatThrownBy(() -> LabelCodec.decode(b)).hasMessageContaining("codec version 2");
    }

    @Test
    void open_storeOfAnotherFormat_isRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        try (IntelDb db = IntelDb.open(dir)) {
            try (IntelDb.Batch b = db.newBatch()) {
                b.put(IntelColumn.META, "format".getBytes(), IntelDb.formatRecord(2));
                db.commit(b);
            }
        }
        assertThatThrownBy(() -> IntelDb.open(dir)).isInstanceOf(CordonException.class)
                .hasMessageContaining("has format 2; this build reads format 1")
                .satisfies(e -> assertThat(((CordonException) e).code()).isEqualTo(ErrorCode.STORE));
    }

    @Test
    void open_existingStore_keepsFormat(@TempDir Path dir) {
        IntelDb.open(dir).close();
        try (IntelDb db = IntelDb.open(dir)) {
            assertThat(db.get(IntelColumn.META, "format".getBytes())).get().isEqualTo(IntelDb.formatRecord(IntelDb.FORMAT));
        }
    }
}
