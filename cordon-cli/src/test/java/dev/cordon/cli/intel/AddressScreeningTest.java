package dev.cordon.cli.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screening a counterparty with the bundled intelligence pack and no chain data. */
class AddressScreeningTest {
    /** The Ronin bridge exploiter, listed by OFAC under LAZARUS GROUP (April 2022). */
    private static final String LAZARUS = "0x098b716b8aaf21512996dc57eb0615e2383e2f96";

    @TempDir
    static Path data;

    @BeforeAll
    static void loadPack() {
        CliRun r = CliRun.of("intel", "update", "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    }

    @Test
    void address_sanctionedWithoutChainData_isAFindingWithItsSource() throws IOException {
        CliRun r = CliRun.of("address", LAZARUS, "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("activity").isNull()).isTrue();
        assertThat(j.get("intel").toString()).contains("LAZARUS GROUP").contains("ofac-sdn");
    }

    @Test
    void address_sanctionedWithoutChainData_printsLabelsAsText() {
        CliRun r = CliRun.of("address", LAZARUS, "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("activity: none known").contains("LAZARUS GROUP");
    }

    @Test
    void address_unknownEverywhere_isNotFound() {
        CliRun r = CliRun.of("address", "0x00000000000000000000000000000000000000aa", "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("no labels for");
    }
}
