package dev.cordon.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest and query commands on the real first 439 mainnet blocks. */
class ChainCommandsTest {
    private static final String GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    private static final String BLOCK_170_TX = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";

    @TempDir
    static Path tmp;
    static byte[] blocks;
    static Path data;

    @BeforeAll
    static void ingest() throws IOException {
        try (InputStream in = ChainCommandsTest.class.getResourceAsStream("/dev/cordon/cli/demo/bitcoin/first-100k-blocks.dat")) {
            blocks = in.readAllBytes();
        }
        Path blk = Files.write(tmp.resolve("blk00000.dat"), blocks);
        data = tmp.resolve("data");
        CliRun r = CliRun.of("ingest", "bitcoin", "--blocks", blk.toString(), "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("blocks_applied").asLong()).isEqualTo(439);
        assertThat(j.get("transactions").asLong()).isEqualTo(446);
        assertThat(j.get("tip_height").asLong()).isEqualTo(438);
    }

    @Test
    void ingest_again_changesNothing() throws IOException {
        CliRun r = CliRun.of("ingest", "bitcoin", "--blocks", tmp.resolve("blk00000.dat").toString(),
                "--data", data.toString(), "--json");
        JsonNode j = json(r.out());
        assertThat(j.get("blocks_applied").asLong()).isZero();
        assertThat(j.get("blocks_already_present").asLong()).isEqualTo(439);
        assertThat(j.get("transactions").asLong()).isZero();
    }

    @Test
    void tx_block170_showsSatoshiPayingHal() throws IOException {
        CliRun r = CliRun.of("tx", BLOCK_170_TX, "--data", data.toString(), "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.get("block_height").asLong()).isEqualTo(170);
        assertThat(j.at("/inputs/0/address").asText()).isEqualTo("12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S");
        assertThat(j.at("/inputs/0/value/units").asText()).isEqualTo("5000000000");
        assertThat(j.at("/outputs/0/address").asText()).isEqualTo("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
        assertThat(j.at("/outputs/0/value/value").asText()).isEqualTo("10");
        assertThat(j.at("/outputs/1/value/value").asText()).isEqualTo("40");
        assertThat(j.at("/outputs/1/spent_by").asText())
                .isEqualTo("a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be");
        assertThat(j.get("fee").get("units").asText()).isEqualTo("0");
    }

    @Test
    void address_satoshi_hasBalanceAndHistory() throws IOException {
        CliRun r = CliRun.of("address", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S", "--data", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.at("/first_seen/height").asLong()).isEqualTo(9);
        assertThat(j.at("/latest_transactions/0/txid").asText()).hasSize(64);
        long received = Long.parseLong(j.at("/received/units").asText());
        long sent = Long.parseLong(j.at("/sent/units").asText());
        assertThat(Long.parseLong(j.at("/balance/units").asText())).isEqualTo(received - sent);
    }

    @Test
    void block_byHeightAndHash_agree() throws IOException {
        JsonNode byHeight = json(CliRun.of("block", "0", "--data", data.toString(), "--json").out());
        JsonNode byHash = json(CliRun.of("block", GENESIS, "--data", data.toString(), "--json").out());
        assertThat(byHeight.get("hash").asText()).isEqualTo(GENESIS);
        assertThat(byHash).isEqualTo(byHeight);
        assertThat(byHeight.get("time").asText()).isEqualTo("2009-01-03T18:15:05Z");
    }

    @Test
    void address_badChecksum_isUsageError() {
        CliRun r = CliRun.of("address", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3T", "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("cordon: ").doesNotContain("at dev.cordon");
    }

    @Test
    void tx_unknown_isNotFound() {
        CliRun r = CliRun.of("tx", "00".repeat(32), "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().trim()).isEqualTo("cordon: transaction " + "00".repeat(32) + " is not in the store");
    }

    @Test
    void ingest_truncatedFile_keepsBlocksBeforeDamage() throws IOException {
        Path cut = Files.createDirectories(tmp.resolve("cut")).resolve("blk00000.dat");
        Files.write(cut, Arrays.copyOf(blocks, 50_000));
        Path d = tmp.resolve("cut-data");
        CliRun r = CliRun.of("ingest", "bitcoin", "--blocks", cut.toString(), "--data", d.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains(cut.toString()).contains("at byte");
        JsonNode tip = json(CliRun.of("block", "0", "--data", d.toString(), "--json").out());
        assertThat(tip.get("hash").asText()).isEqualTo(GENESIS);
        CliRun ok = CliRun.of("ingest", "bitcoin", "--blocks", tmp.resolve("blk00000.dat").toString(),
                "--data", d.toString(), "--json");
        assertThat(json(ok.out()).get("tip_height").asLong()).isEqualTo(438);
    }

    @Test
    void query_withoutStore_saysWhatToDo() {
        CliRun r = CliRun.of("block", "0", "--data", tmp.resolve("nothing").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("no chain data in").contains("cordon ingest bitcoin");
    }

    private static JsonNode json(String s) throws IOException {
        return Json.mapper().readTree(s);
    }
}
