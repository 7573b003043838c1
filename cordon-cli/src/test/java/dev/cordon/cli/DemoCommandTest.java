package dev.cordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cordon demo --json}: every section runs offline and reports the real values it shows. */
class DemoCommandTest {
    @TempDir
    static Path tmp;
    static JsonNode report;

    @BeforeAll
    static void runDemo() throws IOException {
        CliRun r = CliRun.of("demo", "--json", "--data", tmp.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        report = Json.mapper().readTree(r.out());
    }

    @Test
    void bitcoin_ingestsTheFirst439BlocksAndShowsBlock170() {
        assertThat(report.at("/bitcoin/ingest/blocks_applied").asLong()).isEqualTo(439);
        assertThat(report.at("/bitcoin/ingest/transactions").asLong()).isEqualTo(446);
        assertThat(report.at("/bitcoin/genesis/hash").asText())
                .isEqualTo("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
        assertThat(report.at("/bitcoin/first_transfer/outputs/0/address").asText())
                .isEqualTo("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
        assertThat(report.at("/bitcoin/first_transfer/outputs/0/value/units").asText()).isEqualTo("1000000000");
    }

    @Test
    void ethereum_storesTheRecordedBlocksTransfers() {
        assertThat(report.at("/ethereum/transfers").asLong()).isEqualTo(4);
        JsonNode token = report.at("/ethereum/2e3dcd051a91d3a694f6b8de2ac4b5fe7acdba55f58bcf8471ff00d4a430074d/transfers");
        assertThat(token).hasSize(2);
        assertThat(token.toString()).contains("5000000000000000000").containsIgnoringCase("0xbb9bc244d798123fde783fcc1c72d3bb8c189413");
        assertThat(report.at("/ethereum/miner/transfer_count").asLong()).isEqualTo(2);
    }

    @Test
    void signing_blocksTheBybitTransactionWithItsRealHash() {
        assertThat(report.at("/signing/bybit/hashes/safeTxHash").asText())
                .isEqualTo("0xb3476d061aeb8fc1d605a873c483a2402d88a68a9cdd1a8b47655dd55ba004f8");
        assertThat(report.at("/signing/bybit/verdict").asText()).isEqualTo("block");
        assertThat(report.at("/signing/bybit/reasons/0/check").asText()).isEqualTo("delegatecall");
        assertThat(report.at("/signing/benign/verdict").asText()).isEqualTo("allow");
    }

    @Test
    void workforce_putsThePlantedPeopleOnTop() {
        JsonNode people = report.at("/workforce/people");
        assertThat(people.get(0).get("person").asText()).isEqualTo("E9001");
        assertThat(report.at("/workforce/planted_on_top").asBoolean()).isTrue();
        assertThat(report.at("/workforce/input/skipped").asLong()).isZero();
    }

    @Test
    void trace_findsEveryLaunderedDepositWithTheGroundTruthsAmounts() {
        assertThat(report.at("/trace/matches_ground_truth").asBoolean()).isTrue();
        assertThat(report.at("/trace/deposits_found").asInt()).isEqualTo(report.at("/trace/deposits_expected").asInt());
        assertThat(report.at("/trace/deposits_expected").asInt()).isGreaterThan(10);
        assertThat(report.at("/trace/swaps_followed").asInt()).isEqualTo(3);
        assertThat(report.at("/trace/balances").asBoolean()).isTrue();
        assertThat(report.at("/trace/report/seeded").asLong()).isEqualTo(report.at("/trace/stolen").asLong());
        assertThat(tmp.resolve("demo/trace/trace-report.html")).isRegularFile();
    }

    @Test
    void intel_findsTheFbiBybitAndOfacLazarusAddresses() {
        String lookups = report.at("/intel/lookups").toString();
        assertThat(lookups).contains("fbi-bybit").contains("LAZARUS GROUP");
        assertThat(report.at("/intel/labelsPerSource/fbi-bybit").asLong()).isEqualTo(51);
    }

    @Test
    void demo_replacesItsFolderOnEveryRun() throws IOException {
        Path marker = Files.writeString(tmp.resolve("demo/marker"), "old");
        CliRun again = CliRun.of("demo", "--only", "ethereum", "--data", tmp.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(marker).doesNotExist();
        assertThat(again.out()).contains("0x2e3dcd051a91d3a694f6b8de2ac4b5fe7acdba55f58bcf8471ff00d4a430074d");
    }
}
